package org.notifyhub.api.v2.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.notifyhub.common.V2ValidationException;

/**
 * A v2 request body's JSON schema (object, additionalProperties false) with Notify's error texts:
 * "{field} is a required property", "{field} {reason}", "Additional properties are not allowed (x was unexpected)".
 */
public final class RequestSchema {

    private record Field(boolean required, FieldCheck check) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    public RequestSchema required(String name, FieldCheck check) {
        fields.put(name, new Field(true, check));
        return this;
    }

    public RequestSchema optional(String name, FieldCheck check) {
        fields.put(name, new Field(false, check));
        return this;
    }

    /** The names of the properties the schema allows, as the API document lists them. */
    public Set<String> properties() {
        return Set.copyOf(fields.keySet());
    }

    /** The names of the properties the schema requires. */
    public Set<String> requiredProperties() {
        return fields.entrySet().stream().filter(field -> field.getValue().required()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Throws a {@link V2ValidationException} listing every failure, or returns when the body conforms. */
    public void validate(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new V2ValidationException(List.of(SchemaText.repr(body) + " is not of type object"));
        }
        fields.forEach((name, field) -> {
            JsonNode value = body.get(name);
            if (value == null) {
                if (field.required()) {
                    errors.add(name + " is a required property");
                }
                return;
            }
            field.check().check(value).ifPresent(message -> errors.add(name + " " + message));
        });
        TreeSet<String> unexpected = new TreeSet<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!unexpected.isEmpty()) {
            errors.add("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        if (!errors.isEmpty()) {
            throw new V2ValidationException(errors);
        }
    }
}
