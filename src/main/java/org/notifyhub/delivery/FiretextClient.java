package org.notifyhub.delivery;

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
public class FiretextClient extends HttpSmsClient {

    public static final String NAME = "firetext";

    public FiretextClient(SmsProviderEndpoints endpoints, SmsProviderHttp http, SmsClientMetrics metrics, ObjectMapper mapper) {
        super(NAME, endpoints, http, metrics, mapper);
    }

    @Override
    protected String post(SmsMessage message) {
        SmsProviderEndpoints.Firetext endpoint = endpoints.firetext().orElseThrow(this::notConfigured);
        return http.postForm(NAME, endpoint.url(), form(endpoint, message));
    }

    @Override
    protected boolean accepted(String answer) {
        JsonNode body = json(answer);
        JsonNode code = body == null ? null : body.get("code");
        return code != null && code.isIntegralNumber() && code.asLong() == 0;
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
}
