package org.notifyhub.api.v2.schemas;

import com.fasterxml.jackson.databind.JsonNode;

/** How Notify's schema errors show a value: the JSON text with its quotes removed. */
final class SchemaText {

    private SchemaText() {
    }

    static String repr(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.replace("\"", "").replace("'", "");
    }
}
