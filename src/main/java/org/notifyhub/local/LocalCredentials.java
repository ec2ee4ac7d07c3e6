package org.notifyhub.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** NOTIFY_DATA_DIR/local-credentials.json: what a newcomer needs to send a first message. */
public record LocalCredentials(
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("service_id") UUID serviceId,
        @JsonProperty("api_keys") ApiKeys apiKeys,
        Templates templates,
        Admin admin) {

    public record ApiKeys(String normal, String team, String test) {
    }

    public record Templates(UUID email, UUID sms, UUID letter) {
    }

    public record Admin(@JsonProperty("client_id") String clientId, String secret) {
    }
}
