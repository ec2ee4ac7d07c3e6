package org.notifyhub.receipts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads an MMG delivery receipt: the JSON body of POST /notifications/sms/mmg. */
public final class MmgReceiptParser {

    static final String PROVIDER = "mmg";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param json e.g. {@code {"reference":"...","CID":"<notification id>","MSISDN":"447...","status":"3",
     *             "substatus":"2","deliverytime":"2016-04-05 16:01:07"}}; MMG sends codes as strings or numbers
     * @throws InvalidReceiptException listing {@code MMG callback failed: status missing} and/or
     *                                 {@code MMG callback failed: CID missing}, or the body is not a JSON object
     */
    public SmsReceipt parse(String json) {
        JsonNode body = readObject(json);
        List<String> errors = new ArrayList<>();
        String status = text(body, "status");
        String cid = text(body, "CID");
        if (status == null) {
            errors.add(MmgMapping.CLIENT + " callback failed: status missing");
        }
        if (cid == null) {
            errors.add(MmgMapping.CLIENT + " callback failed: CID missing");
        }
        if (!errors.isEmpty()) {
            throw new InvalidReceiptException(errors);
        }
        return new SmsReceipt(PROVIDER, cid, status, text(body, "substatus"));
    }

    private static JsonNode readObject(String json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, like any other body that is not a JSON object
        }
        throw new InvalidReceiptException(List.of(MmgMapping.CLIENT + " callback failed: body is not a JSON object"));
    }

    /** A scalar field as text; absent, null, empty and non-scalar values count as missing. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
