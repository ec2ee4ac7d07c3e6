package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.UUID;

/** One daily allowance: a service's limit for one channel on one day. */
record AllowanceKey(UUID serviceId, String channel, LocalDate day) {
}
