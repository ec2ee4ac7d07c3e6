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
public class MmgClient implements SmsProvider {

    public static final String NAME = "mmg";

    private final SmsProviderEndpoints endpoints;
    private final SmsProviderHttp http;
    private final SmsClientMetrics metrics;
    private final ObjectMapper mapper;

    public MmgClient(SmsProviderEndpoints endpoints, SmsProviderHttp http, SmsClientMetrics metrics, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.http = http;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(SmsMessage message) {
        SmsProviderEndpoints.Mmg endpoint = endpoints.mmg()
                .orElseThrow(() -> new SmsClientResponseException(NAME, "not configured", null));
        metrics.record(NAME, () -> {
            String answer = http.postJson(NAME, endpoint.url(), "Basic " + endpoint.apiKey(), json(body(message)));
            if (!isJson(answer)) {
                throw new SmsClientResponseException(NAME, "Invalid response JSON", null);
            }
        });
    }

    static Map<String, Object> body(SmsMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reqType", "BULK");
        body.put("MSISDN", message.to());
        body.put("msg", message.body());
        body.put("sender", message.sender());
        body.put("cid", message.notificationId().toString());
        body.put("multi", true);
        return body;
    }

    private String json(Map<String, Object> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isJson(String answer) {
        try {
            return answer != null && !mapper.readTree(answer).isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
