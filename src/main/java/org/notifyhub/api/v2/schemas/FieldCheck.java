package org.notifyhub.api.v2.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;

/** A check on one field's value; returns the message after the field name, as Notify's schema errors read. */
@FunctionalInterface
public interface FieldCheck {

    Optional<String> check(JsonNode value);

    default FieldCheck and(FieldCheck next) {
        return value -> check(value).or(() -> next.check(value));
    }

    static FieldCheck string() {
        return value -> value.isTextual() ? Optional.empty() : Optional.of(SchemaText.repr(value) + " is not of type string");
    }

    static FieldCheck stringOrNull() {
        return value -> value.isTextual() || value.isNull() ? Optional.empty()
                : Optional.of(SchemaText.repr(value) + " is not of type string, null");
    }

    static FieldCheck object() {
        return value -> value.isObject() ? Optional.empty() : Optional.of(SchemaText.repr(value) + " is not of type object");
    }

    /**
     * An array of names, or null: Notify's schema asks only for an array, and a name that matches no value is ignored
     * as Notify ignores it; an item that is not text (which would fail inside Notify) is refused in its schema words.
     */
    static FieldCheck namesOrNull() {
        return value -> {
            if (value.isNull()) {
                return Optional.empty();
            }
            if (!value.isArray()) {
                return Optional.of(SchemaText.repr(value) + " is not of type array, null");
            }
            for (JsonNode item : value) {
                if (!item.isTextual() && !item.isNull()) {
                    return Optional.of(SchemaText.repr(item) + " is not of type string, null");
                }
            }
            return Optional.empty();
        };
    }

    static FieldCheck uuid() {
        return value -> {
            if (value.isTextual()) {
                try {
                    if (UUID.fromString(value.asText()).toString().equalsIgnoreCase(value.asText())) {
                        return Optional.empty();
                    }
                } catch (IllegalArgumentException ignored) {
                    // reported below
                }
            }
            return Optional.of("is not a valid UUID");
        };
    }

    static FieldCheck maxLength(int max) {
        return value -> value.isTextual() && value.asText().codePointCount(0, value.asText().length()) > max
                ? Optional.of(SchemaText.repr(value) + " is too long") : Optional.empty();
    }

    static FieldCheck emailAddress() {
        return string().and(recipient(text -> {
            EmailAddresses.validate(text);
            return null;
        }));
    }

    static FieldCheck phoneNumber() {
        return string().and(recipient(PhoneNumbers::parse));
    }

    private static FieldCheck recipient(Function<String, ?> validator) {
        return value -> {
            try {
                validator.apply(value.asText());
                return Optional.empty();
            } catch (InvalidRecipientException e) {
                return Optional.of(e.getMessage());
            }
        };
    }

    /** Notify's {@code https_url}: matches {@code ^https} and is a URI by RFC 3986 (printable ASCII, no spaces). */
    static FieldCheck httpsUrl() {
        return string().and(value -> value.asText().startsWith("https") && isUri(value.asText())
                ? Optional.empty() : Optional.of("is not a valid https url"));
    }

    private static boolean isUri(String text) {
        if (!text.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
