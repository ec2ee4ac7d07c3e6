package org.notifyhub.admin.services;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.services.ServiceSettings;

/** Reads POST /service and POST /service/{id} bodies onto service settings, with marshmallow's messages. */
final class ServiceRequests {

    /** Notify's DEFAULT_SERVICE_PERMISSIONS. */
    static final List<String> DEFAULT_PERMISSIONS = List.of("sms", "email", "letter", "international_sms",
            "upload_letters", "international_letters");
    /** What a new service starts from: trial mode, the columns' defaults, Notify's default permissions. */
    static final ServiceSettings NEW_SERVICE = new ServiceSettings(null, true, true, false, null, true, 3000,
            999_999_999L, 999_999_999L, 999_999_999L, 999_999_999L, null, null, null, DEFAULT_PERMISSIONS);
    private static final String NOT_NULL = "Field may not be null.";
    private static final int MAX_LENGTH = 255;
    private static final List<String> NOT_NULLABLE = List.of("name", "active", "restricted", "research_mode",
            "email_from", "prefix_sms", "rate_limit", "message_limit", "email_message_limit", "sms_message_limit",
            "letter_message_limit", "international_sms_message_limit", "permissions");

    private ServiceRequests() {
    }

    /**
     * The settings after applying the request to the current ones, as Notify loads the current service's JSON
     * updated with the request. The legacy single {@code message_limit} sets every channel not named explicitly.
     */
    static ServiceSettings merge(RequestBody r, ServiceSettings current, Collection<String> permissionTypes) {
        NOT_NULLABLE.stream().filter(r::isNull).forEach(field -> r.reject(field, NOT_NULL));
        Long messageLimit = r.integer("message_limit");
        String name = r.string("name", MAX_LENGTH);
        if (name != null && name.isBlank()) {
            name = r.reject("name", "Missing data for required field.");
        }
        return new ServiceSettings(
                keep(name, current.name()),
                keep(r.bool("active"), current.active()),
                keep(r.bool("restricted"), current.restricted()),
                keep(r.bool("research_mode"), current.researchMode()),
                keep(r.string("email_from", MAX_LENGTH), current.emailFrom()),
                keep(r.bool("prefix_sms"), current.prefixSms()),
                rateLimit(r, current.rateLimit()),
                limit(r, "email_message_limit", messageLimit, current.emailMessageLimit()),
                limit(r, "sms_message_limit", messageLimit, current.smsMessageLimit()),
                limit(r, "letter_message_limit", messageLimit, current.letterMessageLimit()),
                limit(r, "international_sms_message_limit", null, current.internationalSmsMessageLimit()),
                r.has("organisation_type") ? r.string("organisation_type", MAX_LENGTH) : current.organisationType(),
                r.has("contact_link") ? r.string("contact_link", MAX_LENGTH) : current.contactLink(),
                r.has("crown") ? r.bool("crown") : current.crown(),
                permissions(r, current.permissions(), permissionTypes));
    }

    /**
     * The sender's local part Notify derives from a service name: accents dropped, lower case, words joined by
     * dots, anything else removed.
     */
    static String emailFromName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
        String dotted = plain.strip().replaceAll("\\s+", ".").replaceAll("[^a-z0-9.\\-_]", "");
        return dotted.replaceAll("\\.{2,}", ".").replaceAll("^\\.|\\.$", "");
    }

    private static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }

    private static int rateLimit(RequestBody r, int current) {
        Long requested = r.integer("rate_limit");
        if (requested == null) {
            return current;
        }
        if (requested < 1 || requested > Integer.MAX_VALUE) {
            r.reject("rate_limit", "Not a positive integer");
            return current;
        }
        return requested.intValue();
    }

    private static long limit(RequestBody r, String field, Long messageLimit, long current) {
        Long requested = r.integer(field);
        Long value = requested != null ? requested : messageLimit;
        if (value != null && value < 0) {
            r.reject(field, "Not a positive integer");
            return current;
        }
        return value == null ? current : value;
    }

    private static List<String> permissions(RequestBody r, List<String> current, Collection<String> types) {
        List<String> requested = r.strings("permissions");
        if (requested == null) {
            return current;
        }
        requested.stream().filter(p -> !types.contains(p)).distinct()
                .forEach(p -> r.reject("permissions", "Invalid Service Permission: '" + p + "'"));
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String permission : requested) {
            if (!seen.add(permission)) {
                duplicates.add(permission);
            }
        }
        if (!duplicates.isEmpty()) {
            r.reject("permissions", "Duplicate Service Permission: ['" + String.join("', '", duplicates) + "']");
        }
        return List.copyOf(seen);
    }
}
