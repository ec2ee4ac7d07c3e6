package org.notifyhub.admin.notifications;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.common.Uuids;

/** The query of GET /service/{id}/notifications, read as Notify's NotificationsFilterSchema reads it. */
public record NotificationListParameters(
        int page,
        int pageSize,
        Integer limitDays,
        boolean includeJobs,
        boolean includeFromTestKey,
        boolean includeOneOff,
        boolean countPages,
        UUID olderThan,
        List<String> statuses,
        List<String> templateTypes,
        String to) {

    static final int PAGE_SIZE = 50;
    private static final List<String> TYPES = Arrays.stream(NotificationType.values())
            .map(NotificationType::wireName).toList();
    private static final Set<String> TRUE = Set.of("t", "true", "on", "y", "yes", "1");
    private static final Set<String> FALSE = Set.of("f", "false", "off", "n", "no", "0");
    /** Aliases a caller may filter by (reference §3.4). */
    private static final Map<String, List<String>> STATUS_ALIASES = Map.of(
            "failed", List.of("technical-failure", "temporary-failure", "permanent-failure", "validation-failed",
                    "virus-scan-failed", "returned-letter"),
            "accepted", List.of("created", "sending"),
            "received", List.of("delivered"));

    public static NotificationListParameters read(QueryParameters query) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Reader r = new Reader(query, errors);
        NotificationListParameters parameters = new NotificationListParameters(
                r.positive("page", 1), r.positive("page_size", PAGE_SIZE), r.integer("limit_days"),
                r.bool("include_jobs", true), r.bool("include_from_test_key", false), r.bool("include_one_off", true),
                r.bool("count_pages", true), r.uuid("older_than"), statuses(query.all("status")),
                r.templateTypes(), query.first("to"));
        if (!errors.isEmpty()) {
            throw AdminApiException.invalid(errors);
        }
        return parameters;
    }

    /** The statuses to filter by, aliases expanded; empty when the request asks for all of them (or none). */
    private static List<String> statuses(List<String> requested) {
        Set<String> expanded = new LinkedHashSet<>();
        requested.forEach(status -> expanded.addAll(STATUS_ALIASES.getOrDefault(status, List.of(status))));
        boolean everything = expanded.containsAll(Arrays.stream(NotificationStatus.values())
                .map(NotificationStatus::wireName).toList());
        return everything ? List.of() : List.copyOf(expanded);
    }

    private record Reader(QueryParameters query, Map<String, List<String>> errors) {

        Integer integer(String name) {
            String value = query.first(name);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return error(name, "Not a valid integer.");
            }
        }

        int positive(String name, int otherwise) {
            Integer value = integer(name);
            if (value != null && value < 1) {
                error(name, "Not a positive integer");
            }
            return value == null || value < 1 ? otherwise : value;
        }

        boolean bool(String name, boolean otherwise) {
            String value = query.first(name);
            if (value == null) {
                return otherwise;
            }
            if (TRUE.contains(value.toLowerCase())) {
                return true;
            }
            if (FALSE.contains(value.toLowerCase())) {
                return false;
            }
            error(name, "Not a valid boolean.");
            return otherwise;
        }

        UUID uuid(String name) {
            String value = query.first(name);
            if (value == null) {
                return null;
            }
            UUID id = Uuids.parse(value).orElse(null);
            return id != null ? id : error(name, "Not a valid UUID.");
        }

        List<String> templateTypes() {
            List<String> types = new ArrayList<>(new LinkedHashSet<>(query.all("template_type")));
            if (!TYPES.containsAll(types)) {
                error("template_type", "Must be one of: sms, email, letter.");
            }
            return types;
        }

        private <T> T error(String name, String message) {
            errors.computeIfAbsent(name, n -> new ArrayList<>()).add(message);
            return null;
        }
    }
}
