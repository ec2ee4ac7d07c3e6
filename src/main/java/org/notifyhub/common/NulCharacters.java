package org.notifyhub.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * NUL (U+0000) is valid in JSON strings and URLs but PostgreSQL text cannot hold it: a request carrying one is
 * refused at the edge, naming where it was, instead of failing at the database.
 */
public final class NulCharacters {

    public static final String MESSAGE = "must not contain NUL characters";

    private NulCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The top-level field whose value (or any name or text within it) holds a NUL; "request" for a bare value. */
    public static Optional<String> fieldOf(JsonNode json) {
        if (json == null) {
            return Optional.empty();
        }
        if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (in(field.getKey()) || anyWithin(field.getValue())) {
                    return Optional.of(field.getKey().replace("\u0000", ""));
                }
            }
            return Optional.empty();
        }
        return anyWithin(json) ? Optional.of("request") : Optional.empty();
    }

    private static boolean anyWithin(JsonNode node) {
        if (node.isTextual()) {
            return in(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (in(field.getKey()) || anyWithin(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode element : node) {
            if (anyWithin(element)) {
                return true;
            }
        }
        return false;
    }
}
