package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * MMG's send API: a JSON post with the API key as a ready-made Basic credential, accepted when the answer is
 * JSON. Its receipts and inbound messages arrive at /notifications/sms/mmg and /notifications/sms/receive/mmg.
 */
@Component
public class MmgClient extends HttpSmsClient {

    public static final String NAME = "mmg";

    public MmgClient(SmsProviderEndpoints endpoints, SmsProviderHttp http, SmsClientMetrics metrics, ObjectMapper mapper) {
        super(NAME, endpoints, http, metrics, mapper);
    }

    @Override
    protected String post(SmsMessage message) {
        SmsProviderEndpoints.Mmg endpoint = endpoints.mmg().orElseThrow(this::notConfigured);
        return http.postJson(NAME, endpoint.url(), "Basic " + endpoint.apiKey(), body(message));
    }

    @Override
    protected boolean accepted(String answer) {
        return json(answer) != null;
    }

    private String body(SmsMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reqType", "BULK");
        body.put("MSISDN", message.to());
        body.put("msg", message.body());
        body.put("sender", message.sender());
        body.put("cid", message.notificationId().toString());
        body.put("multi", true);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
