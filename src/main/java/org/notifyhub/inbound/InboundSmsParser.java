package org.notifyhub.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.notifyhub.common.FormFields;
import org.springframework.stereotype.Component;

/**
 * Reads inbound SMS posts. MMG: JSON {@code MSISDN} (sender), {@code Number} (ours), {@code Message}
 * (form-encoded), {@code ID}, {@code DateRecieved} (sic). Firetext: form {@code source}, {@code destination},
 * {@code message}, {@code time}.
 */
@Component
public class InboundSmsParser {

    private final ObjectMapper mapper;
    private final Clock clock;

    public InboundSmsParser(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public InboundSmsMessage mmg(@Body String json) {
        JsonNode body = readObject(json);
        return new InboundSmsMessage("mmg", required(body, "Number"), required(body, "MSISDN"),
                MmgInboundText.decode(required(body, "Message")), required(body, "ID"),
                ProviderDates.parse(optional(body, "DateRecieved"), clock));
    }

    public InboundSmsMessage firetext(@Headers Map<String, Object> headers) {
        Map<String, String> form = FormFields.of(headers, "source", "destination", "message", "time");
        return new InboundSmsMessage("firetext", required(form, "destination"), required(form, "source"),
                required(form, "message"), null, ProviderDates.parse(required(form, "time"), clock));
    }

    private JsonNode readObject(String json) {
        try {
            JsonNode node = json == null ? null : mapper.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // answered below, like any other body that is not a JSON object
        }
        throw new InvalidInboundSmsException("MMG inbound SMS: body is not a JSON object");
    }

    private static String required(JsonNode body, String field) {
        String value = optional(body, field);
        if (value == null) {
            throw new InvalidInboundSmsException("MMG inbound SMS: " + field + " missing");
        }
        return value;
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null) {
            throw new InvalidInboundSmsException("Firetext inbound SMS: " + field + " missing");
        }
        return value;
    }
}
