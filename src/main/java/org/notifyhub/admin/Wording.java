package org.notifyhub.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Notify validates admin requests with two libraries that word their errors differently: marshmallow for services
 * and API keys, JSON Schema (messages prefixed with the field, quotes removed) for templates, senders and callbacks.
 */
public enum Wording {
    MARSHMALLOW,
    JSON_SCHEMA;

    public static final String INVALID_JSON = "Invalid JSON supplied in POST data";

    public String required(String field) {
        return this == MARSHMALLOW ? "Missing data for required field." : field + " is a required property";
    }

    public String notOfType(String field, JsonNode value, String type) {
        if (this == JSON_SCHEMA) {
            return field + " " + value.toString().replace("\"", "") + " is not of type " + type;
        }
        return switch (type) {
            case "integer" -> "Not a valid integer.";
            case "number" -> "Not a valid number.";
            case "boolean" -> "Not a valid boolean.";
            case "array" -> "Not a valid list.";
            default -> "Not a valid string.";
        };
    }

    public String tooLong(String field, int maxLength) {
        return this == MARSHMALLOW ? "Longer than maximum length " + maxLength + "."
                : field + " is longer than " + maxLength + " characters";
    }

    public String notUuid(String field) {
        return this == MARSHMALLOW ? "Not a valid UUID." : field + " is not a valid UUID";
    }
}
