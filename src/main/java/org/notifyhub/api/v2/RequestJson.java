package org.notifyhub.api.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.notifyhub.common.NulCharacters;
import org.notifyhub.common.V2ApiException;

/**
 * Reads a v2 request body the way Notify does: content type ignored, empty body as {}, and one JSON value with
 * nothing after it (Python's json.loads refuses trailing data). Text holding NUL is refused before it goes further.
 */
public final class RequestJson {

    private RequestJson() {
    }

    public static JsonNode parse(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode json;
        try {
            json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw V2ApiException.badRequest("Invalid JSON supplied in POST data");
        }
        NulCharacters.fieldOf(json).ifPresent(field -> {
            throw V2ApiException.validation(field + " " + NulCharacters.MESSAGE);
        });
        return json;
    }
}
