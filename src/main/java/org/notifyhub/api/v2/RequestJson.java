package org.notifyhub.api.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.notifyhub.common.V2ApiException;

/** Reads a v2 request body the way Notify does: content type ignored, empty body as {}. */
public final class RequestJson {

    private RequestJson() {
    }

    public static JsonNode parse(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw V2ApiException.badRequest("Invalid JSON supplied in POST data");
        }
    }
}
