package org.notifyhub.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One ft_billing row: what a template of a service sent on a London day at one rate. */
public record FactBillingRow(LocalDate bstDate, UUID templateId, UUID serviceId, String notificationType,
                             String provider, int rateMultiplier, boolean international, BigDecimal rate,
                             String postage, int billableUnits, int notificationsSent) {
}
