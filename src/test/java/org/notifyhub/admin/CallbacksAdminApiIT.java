package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.common.Encryption;
import org.springframework.beans.factory.annotation.Autowired;

/** Service callbacks: bearer tokens encrypted at rest and never shown; one callback per type. */
class CallbacksAdminApiIT extends AdminApiTest {

    private static final String TOKEN = "my-secret-bearer-token-123";

    @Autowired
    private Encryption encryption;

    private UUID serviceId;

    @BeforeEach
    void service() {
        serviceId = fixtures.liveService();
    }

    static Stream<Arguments> paths() {
        return Stream.of(Arguments.of("delivery-receipt-api", "delivery_status", "", ""),
                Arguments.of("inbound-api", "inbound_sms", "", ""),
                Arguments.of("callback-api", "complaint", "complaint", "?callback_type=complaint"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void theTokenIsEncryptedAtRestAndNeverInAResponse(String path, String type, String bodyType, String query) {
        String base = "/service/" + serviceId + "/" + path;
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", "https://example.gov.uk/callbacks",
                "bearer_token", TOKEN, "updated_by_id", AdminFixtures.SYSTEM_USER));
        if (!bodyType.isEmpty()) {
            body.put("callback_type", bodyType);
        }

        AdminClient.Response created = admin.post(base, body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(TOKEN).doesNotContain("bearer_token");
        String id = created.json().get("data").get("id").asText();
        assertThat(created.json().get("data").get("url").asText()).isEqualTo("https://example.gov.uk/callbacks");
        assertThat(created.json().get("data").get("service_id").asText()).isEqualTo(serviceId.toString());
        String stored = jdbc.sql("SELECT bearer_token FROM service_callback_api WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(String.class).single();
        assertThat(stored).doesNotContain(TOKEN);
        assertThat(encryption.decrypt(stored)).isEqualTo(TOKEN);
        assertThat(jdbc.sql("SELECT callback_type FROM service_callback_api WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(String.class).single()).isEqualTo(type);

        AdminClient.Response fetched = admin.get(base + "/" + id + query);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain(TOKEN);

        AdminClient.Response again = admin.post(base, body);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").get("name").get(0).asText())
                .isEqualTo("You can only have one URL and bearer token for your service.");

        Map<String, Object> update = new java.util.HashMap<>(Map.of("url", "https://example.gov.uk/v2",
                "updated_by_id", AdminFixtures.SYSTEM_USER));
        if (!bodyType.isEmpty()) {
            update.put("callback_type", bodyType);
        }
        AdminClient.Response updated = admin.post(base + "/" + id, update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("data").get("url").asText()).isEqualTo("https://example.gov.uk/v2");
        assertThat(updated.json().get("data").get("updated_at").isNull()).isFalse();
        assertThat(encryption.decrypt(jdbc.sql("SELECT bearer_token FROM service_callback_api WHERE id = CAST(:id AS uuid)")
                .param("id", id).query(String.class).single())).isEqualTo(TOKEN);

        assertThat(admin.get("/service/" + serviceId).json().get("data").get("service_callback_api").get(0)
                .get("callback_type").asText()).isEqualTo(type);

        assertThat(admin.delete(base + "/" + id + query).status()).isEqualTo(204);
        assertThat(admin.get(base + "/" + id + query).status()).isEqualTo(404);
        assertThat(admin.delete(base + "/" + id + query).status()).isEqualTo(404);
    }

    @Test
    void aCallbackNeedsAnHttpsUrlALongEnoughTokenAndAKnownUser() {
        AdminClient.Response response = admin.post("/service/" + serviceId + "/delivery-receipt-api",
                Map.of("url", "http://example.gov.uk", "bearer_token", "tiny-tok", "updated_by_id", UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").get("url").get(0).asText()).isEqualTo("url is not a valid https url");
        assertThat(response.json().get("message").get("bearer_token").get(0).asText()).isEqualTo("bearer_token is too short");
        assertThat(response.json().get("message").get("updated_by_id").get(0).asText())
                .isEqualTo("updated_by_id User not found");
        assertThat(response.body()).doesNotContain("tiny-tok");
        assertThat(admin.post("/service/" + serviceId + "/delivery-receipt-api", Map.of()).json().get("message")
                .get("url").get(0).asText()).isEqualTo("url is a required property");
        assertThat(admin.post("/service/" + serviceId + "/callback-api", Map.of("callback_type", "carrier_pigeon"))
                .json().get("message").get("callback_type").get(0).asText())
                .isEqualTo("callback_type carrier_pigeon is not one of [delivery_status, complaint, returned_letter, inbound_sms]");
        assertThat(jdbc.sql("SELECT count(*) FROM service_callback_api WHERE service_id = :id").param("id", serviceId)
                .query(Integer.class).single()).isZero();
    }
}
