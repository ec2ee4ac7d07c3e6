package org.notifyhub.api.v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.notifyhub.api.v2.schemas.QueryArgs;
import org.notifyhub.common.V2ValidationException;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.ListQuery;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.common.Uuids;

/** Parses and validates GET /v2/notifications query parameters with Notify's schema messages. */
final class ListQueryParser {

    static final int PAGE_SIZE = 250;
    private static final List<String> TEMPLATE_TYPES = Arrays.stream(NotificationType.values())
            .map(NotificationType::wireName).toList();
    /** Notify's status enum, in its order, plus the v2 aliases. */
    private static final List<String> STATUSES = List.of("cancelled", "created", "sending", "sent", "delivered", "pending",
            "failed", "technical-failure", "temporary-failure", "permanent-failure", "pending-virus-check",
            "validation-failed", "virus-scan-failed", "returned-letter", "accepted", "received");
    private static final Map<String, List<String>> ALIASES = Map.of(
            "failed", List.of("technical-failure", "temporary-failure", "permanent-failure", "validation-failed",
                    "virus-scan-failed", "returned-letter"),
            "accepted", List.of("created", "sending"),
            "received", List.of("delivered"));
    private static final Set<String> KNOWN = Set.of("template_type", "status", "reference", "older_than", "include_jobs");

    private ListQueryParser() {
    }

    static Map<String, List<String>> parameters(String rawQuery) {
        return QueryArgs.parameters(rawQuery);
    }

    static ListQuery parse(Map<String, List<String>> parameters, UUID serviceId, KeyType keyType) {
        List<String> errors = new ArrayList<>();
        List<String> templateTypes = parameters.getOrDefault("template_type", List.of());
        templateTypes.stream().filter(type -> !TEMPLATE_TYPES.contains(type))
                .forEach(type -> errors.add("template_type " + type + " is not one of [sms, email, letter]"));
        List<String> requestedStatuses = parameters.getOrDefault("status", List.of());
        requestedStatuses.stream().filter(status -> !STATUSES.contains(status))
                .forEach(status -> errors.add("status " + status + " is not one of [" + String.join(", ", STATUSES) + "]"));
        UUID olderThan = null;
        String olderThanText = first(parameters, "older_than");
        if (olderThanText != null) {
            olderThan = Uuids.parse(olderThanText).orElse(null);
            if (olderThan == null) {
                errors.add("older_than is not a valid UUID");
            }
        }
        String includeJobs = first(parameters, "include_jobs");
        if (includeJobs != null && !includeJobs.equals("true") && !includeJobs.equals("True")) {
            errors.add("include_jobs " + includeJobs + " is not one of [true, True]");
        }
        TreeSet<String> unexpected = new TreeSet<>(parameters.keySet());
        unexpected.removeAll(KNOWN);
        if (!unexpected.isEmpty()) {
            errors.add("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        if (!errors.isEmpty()) {
            throw new V2ValidationException(errors);
        }
        return new ListQuery(serviceId, keyType, templateTypes.stream().map(NotificationType::fromWireName).toList(),
                statuses(requestedStatuses), first(parameters, "reference"), olderThan, includeJobs != null, PAGE_SIZE);
    }

    /** Expands the aliases; asking for every status is the same as asking for none. */
    private static List<String> statuses(List<String> requested) {
        Set<String> expanded = new LinkedHashSet<>();
        requested.forEach(status -> expanded.addAll(ALIASES.getOrDefault(status, List.of(status))));
        Set<String> every = new LinkedHashSet<>();
        EnumSet.allOf(NotificationStatus.class).forEach(status -> every.add(status.wireName()));
        return expanded.containsAll(every) ? List.of() : List.copyOf(expanded);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
