package org.notifyhub.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a form post. Camel's HTTP binding consumes the body and copies each field, decoded, into a header
 * next to the HTTP headers (its form body map leaves %XX escapes in); a field named like an HTTP header is
 * appended to it as a list, so the last value is the field's.
 */
public final class FormFields {

    private FormFields() {
    }

    public static Map<String, String> of(Map<String, Object> headers, String... names) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names) {
            Object value = headers.get(name);
            if (value instanceof List<?> values && !values.isEmpty()) {
                value = values.get(values.size() - 1);
            }
            if (value != null && !(value instanceof List<?>)) {
                fields.put(name, value.toString());
            }
        }
        return fields;
    }
}
