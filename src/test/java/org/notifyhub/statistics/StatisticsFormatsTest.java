package org.notifyhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.statistics.FactNotificationStatusRepository.StatusCount;

/** Notify's format_statistics and format_admin_stats, on counts chosen to hit each rule. */
class StatisticsFormatsTest {

    @Test
    void requestedIsAllButCancelledDeliveredIncludesSentAndFailedEverySortOfFailure() {
        List<StatusCount> counts = List.of(
                new StatusCount("sms", "delivered", null, 3), new StatusCount("sms", "sent", null, 2),
                new StatusCount("sms", "cancelled", null, 7), new StatusCount("sms", "sending", null, 1),
                new StatusCount("email", "validation-failed", null, 1), new StatusCount("email", "failed", null, 1),
                new StatusCount("letter", "virus-scan-failed", null, 4), new StatusCount("letter", "returned-letter", null, 5));

        assertThat(StatisticsFormats.requestedDeliveredFailed(counts)).isEqualTo(Map.of(
                "sms", Map.of("requested", 6L, "delivered", 5L, "failed", 0L),
                "email", Map.of("requested", 2L, "delivered", 0L, "failed", 2L),
                "letter", Map.of("requested", 9L, "delivered", 0L, "failed", 4L)));
    }

    @Test
    void platformTotalsSetTestKeysApartAndCountFourFailures() {
        List<StatusCount> counts = List.of(
                new StatusCount("sms", "delivered", "normal", 3), new StatusCount("sms", "delivered", "test", 2),
                new StatusCount("sms", "technical-failure", "test", 1), new StatusCount("sms", "temporary-failure", "team", 4),
                new StatusCount("email", "validation-failed", "normal", 1));

        Map<String, Map<String, Object>> totals = StatisticsFormats.platformTotals(counts);

        assertThat(totals.get("sms")).isEqualTo(Map.of("total", 7L, "test-key", 3L, "failures", Map.of(
                "technical-failure", 0L, "permanent-failure", 0L, "temporary-failure", 4L, "virus-scan-failed", 0L)));
        assertThat(totals.get("email")).containsEntry("total", 1L).containsEntry("failures", Map.of(
                "technical-failure", 0L, "permanent-failure", 0L, "temporary-failure", 0L, "virus-scan-failed", 0L));
        assertThat(totals.get("letter")).containsEntry("total", 0L);
    }
}
