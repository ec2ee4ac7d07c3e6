package org.notifyhub.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NulCharacters;
import org.notifyhub.common.Uuids;

/**
 * An admin request's JSON body, read field by field. Problems are collected per field, then raised together as one
 * 400 {field: [messages]}, in the wording of the validator Notify uses for that endpoint (see {@link Wording}).
 */
public final class RequestBody {

    private final JsonNode json;
    private final Wording wording;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private RequestBody(JsonNode json, Wording wording) {
        this.json = json;
        this.wording = wording;
    }

    /** Any content type is read as JSON and an empty body as {}, as with the v2 API. */
    public static RequestBody parse(ObjectMapper mapper, String body, Wording wording) {
        return new RequestBody(object(mapper, body), wording);
    }

    /**
     * The body as one JSON object with nothing after it (an empty body is {}); text holding NUL, which PostgreSQL
     * cannot store, is refused naming its field.
     */
    public static JsonNode object(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode json;
        try {
            json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw AdminApiException.badRequest(Wording.INVALID_JSON);
        }
        if (json == null || !json.isObject()) {
            throw AdminApiException.badRequest(Wording.INVALID_JSON);
        }
        NulCharacters.fieldOf(json).ifPresent(field -> {
            throw AdminApiException.invalid(field, NulCharacters.MESSAGE);
        });
        return json;
    }

    public boolean has(String field) {
        return json.has(field);
    }

    /** Fields the request has beyond these, in request order. */
    public List<String> fieldsOtherThan(List<String> known) {
        List<String> others = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                others.add(name);
            }
        });
        return others;
    }

    public boolean isNull(String field) {
        return json.has(field) && json.get(field).isNull();
    }

    public String requiredString(String field) {
        return present(field) ? string(field) : missing(field);
    }

    /** The field's text, refused when longer than the column that keeps it. */
    public String string(String field, int maxLength) {
        String value = string(field);
        if (value != null && value.length() > maxLength) {
            return reject(field, wording.tooLong(field, maxLength));
        }
        return value;
    }

    public String requiredString(String field, int maxLength) {
        return present(field) ? string(field, maxLength) : missing(field);
    }

    /** The field's text; null when absent or null (then nothing is reported). */
    public String string(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return reject(field, wording.notOfType(field, value, "string"));
        }
        return value.asText();
    }

    public Boolean requiredBool(String field) {
        return present(field) ? bool(field) : missing(field);
    }

    public Boolean bool(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (wording == Wording.MARSHMALLOW && value.isTextual()
                && List.of("true", "false").contains(value.asText().toLowerCase())) {
            return Boolean.parseBoolean(value.asText());
        }
        return reject(field, wording.notOfType(field, value, "boolean"));
    }

    public Long integer(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (wording == Wording.MARSHMALLOW && value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return reject(field, wording.notOfType(field, value, "integer"));
    }

    /** A JSON number, kept exact (rates are money); null when absent or null. */
    public BigDecimal number(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return reject(field, wording.notOfType(field, value, "number"));
    }

    public UUID requiredUuid(String field) {
        return present(field) ? uuid(field) : missing(field);
    }

    public UUID uuid(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && Uuids.parse(value.asText()).isPresent()) {
            return Uuids.parse(value.asText()).get();
        }
        return reject(field, wording.notUuid(field));
    }

    /** A list of strings; null when absent. */
    public List<String> strings(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(item.isTextual() ? item.asText() : null));
        }
        if (!value.isArray() || items.contains(null)) {
            return reject(field, wording.notOfType(field, value, "array"));
        }
        return items;
    }

    public void reject(String field, List<String> messages) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).addAll(messages);
    }

    /** Records a problem with a field and returns null, so a caller can carry on collecting. */
    public <T> T reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return null;
    }

    /** Raises everything collected so far as one 400. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw AdminApiException.invalid(errors);
        }
    }

    private boolean present(String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    private <T> T missing(String field) {
        return reject(field, wording.required(field));
    }
}
