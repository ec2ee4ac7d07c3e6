package org.notifyhub.statistics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service's spend in one financial year, as Notify's GET /service/{id}/billing/yearly-usage-summary answers it: one
 * entry per notification type and rate ({notification_type, chargeable_units, notifications_sent, rate, cost,
 * free_allowance_used, charged_units}). Billing provides it; without a bean the statistics page shows no billing data.
 */
public interface YearlySpend {

    List<Map<String, Object>> yearlyUsageSummary(UUID serviceId, int financialYear);
}
