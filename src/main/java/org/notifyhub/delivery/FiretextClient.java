package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Firetext's send API: a form post, accepted only when the answer is JSON with {@code "code": 0}. Its receipts
 * and inbound messages arrive at /notifications/sms/firetext and /notifications/sms/receive/firetext.
 */
@Component
public class FiretextClient implements SmsProvider {

    public static final String NAME = "firetext";

    private final SmsProviderEndpoints endpoints;
    private final SmsProviderHttp http;
    private final SmsClientMetrics metrics;
    private final ObjectMapper mapper;

    public FiretextClient(SmsProviderEndpoints endpoints, SmsProviderHttp http, SmsClientMetrics metrics, ObjectMapper mapper) {
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
        SmsProviderEndpoints.Firetext endpoint = endpoints.firetext()
                .orElseThrow(() -> new SmsClientResponseException(NAME, "not configured", null));
        metrics.record(NAME, () -> {
            String answer = http.postForm(NAME, endpoint.url(), form(endpoint, message));
            if (!accepted(answer)) {
                throw new SmsClientResponseException(NAME, "Invalid response JSON", null);
            }
        });
    }

    /** The fields Firetext expects; an absent sender is left out, as Notify's HTTP library does with None. */
    static MultiValueMap<String, String> form(SmsProviderEndpoints.Firetext endpoint, SmsMessage message) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("apiKey", endpoint.apiKeyFor(message.international()));
        if (message.sender() != null) {
            form.add("from", message.sender());
        }
        form.add("to", message.to().replace("+", ""));
        form.add("message", message.body());
        form.add("reference", message.notificationId().toString());
        return form;
    }

    private boolean accepted(String answer) {
        try {
            JsonNode code = answer == null ? null : mapper.readTree(answer).get("code");
            return code != null && code.isIntegralNumber() && code.asLong() == 0;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
