package org.notifyhub.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.statistics.FactNotificationStatusRepository.StatusCount;

/** Notify's app/service/statistics.py: counts by type and status folded into the shapes its admin app reads. */
public final class StatisticsFormats {

    private static final Set<String> DELIVERED = Set.of("delivered", "sent");
    private static final Set<String> FAILED = Set.of("failed", "technical-failure", "temporary-failure",
            "permanent-failure", "validation-failed", "virus-scan-failed");
    private static final List<String> ADMIN_FAILURES = List.of("technical-failure", "permanent-failure",
            "temporary-failure", "virus-scan-failed");

    private StatisticsFormats() {
    }

    /** format_statistics: per type, requested (all but cancelled), delivered (and sent) and failed. */
    public static Map<String, Map<String, Long>> requestedDeliveredFailed(List<StatusCount> counts) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (NotificationType type : NotificationType.values()) {
            Map<String, Long> zero = new LinkedHashMap<>();
            zero.put("requested", 0L);
            zero.put("delivered", 0L);
            zero.put("failed", 0L);
            result.put(type.wireName(), zero);
        }
        for (StatusCount row : counts) {
            Map<String, Long> type = result.get(row.notificationType());
            if (!"cancelled".equals(row.status())) {
                type.merge("requested", row.count(), Long::sum);
            }
            if (DELIVERED.contains(row.status())) {
                type.merge("delivered", row.count(), Long::sum);
            } else if (FAILED.contains(row.status())) {
                type.merge("failed", row.count(), Long::sum);
            }
        }
        return result;
    }

    /** format_admin_stats: per type, total (live and team keys), test-key, and the four failures. */
    public static Map<String, Map<String, Object>> platformTotals(List<StatusCount> counts) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, Map<String, Long>> failures = new LinkedHashMap<>();
        for (NotificationType type : NotificationType.values()) {
            totals.put(type.wireName(), new long[2]);
            Map<String, Long> zero = new LinkedHashMap<>();
            ADMIN_FAILURES.forEach(status -> zero.put(status, 0L));
            failures.put(type.wireName(), zero);
        }
        for (StatusCount row : counts) {
            if ("test".equals(row.keyType())) {
                totals.get(row.notificationType())[1] += row.count();
            } else {
                totals.get(row.notificationType())[0] += row.count();
                failures.get(row.notificationType()).computeIfPresent(row.status(), (status, n) -> n + row.count());
            }
        }
        totals.forEach((type, total) -> {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("total", total[0]);
            stats.put("test-key", total[1]);
            stats.put("failures", failures.get(type));
            result.put(type, stats);
        });
        return result;
    }
}
