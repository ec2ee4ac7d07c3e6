package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sets things up through the admin API itself, as the admin app would, checking each step succeeded. */
final class AdminFixtures {

    static final String SYSTEM_USER = "6af522d0-2915-4e52-83a3-3690455a5fe6";

    private final AdminClient admin;

    AdminFixtures(AdminClient admin) {
        this.admin = admin;
    }

    /** A live service (not in trial mode) that may send everything, with a unique name. */
    UUID liveService() {
        return service(Map.of("restricted", false, "permissions", List.of("email", "sms", "letter", "inbound_sms")));
    }

    UUID service(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Admin test " + UUID.randomUUID(), "user_id", SYSTEM_USER));
        body.putAll(settings);
        return UUID.fromString(created(admin.post("/service", body)).get("id").asText());
    }

    UUID emailTemplate(UUID serviceId, String subject, String content) {
        return UUID.fromString(created(admin.post("/service/" + serviceId + "/template", Map.of("name", "Email " + subject,
                "template_type", "email", "subject", subject, "content", content, "created_by", SYSTEM_USER)))
                .get("id").asText());
    }

    /** The whole key string a client library takes. */
    String apiKey(UUID serviceId, String keyType) {
        AdminClient.Response response = admin.post("/service/" + serviceId + "/api-key",
                Map.of("name", keyType + " key " + UUID.randomUUID(), "key_type", keyType, "created_by", SYSTEM_USER));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("api_key").asText();
    }

    private static JsonNode created(AdminClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }
}
