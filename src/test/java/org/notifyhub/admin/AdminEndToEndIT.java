package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.SendEmailResponse;

/**
 * The pieces fit: a service, template and key set up through the admin API send an email through the official
 * client; a template change makes a new version without touching what was sent; a revoked key stops working.
 */
class AdminEndToEndIT extends AdminApiTest {

    @Autowired
    private Encryption encryption;



    @Test
    void aServiceSetUpThroughTheAdminApiSendsWithTheOfficialClient() throws Exception {
        UUID serviceId = fixtures.liveService();
        UUID templateId = fixtures.emailTemplate(serviceId, "Hello ((name))", "Dear ((name)), version one.");

        AdminClient.Response keyResponse = admin.post("/service/" + serviceId + "/api-key",
                Map.of("name", "Live key", "key_type", "normal", "created_by", AdminFixtures.SYSTEM_USER));
        assertThat(keyResponse.status()).as(keyResponse.body()).isEqualTo(201);
        String secret = keyResponse.json().get("data").asText();
        String apiKey = keyResponse.json().get("api_key").asText();
        assertThat(apiKey).isEqualTo("Live key-" + serviceId + "-" + secret);
        String stored = jdbc.sql("SELECT secret FROM api_keys WHERE service_id = :id").param("id", serviceId)
                .query(String.class).single();
        assertThat(stored).doesNotContain(secret);
        assertThat(encryption.decrypt(stored)).isEqualTo(secret);

        NotificationClient client = new NotificationClient(apiKey, baseUrl());
        SendEmailResponse first = client.sendEmail(templateId.toString(), "ada@example.com", Map.of("name", "Ada"), "ref-1");
        assertThat(first.getSubject()).isEqualTo("Hello Ada");
        assertThat(first.getTemplateVersion()).isEqualTo(1);

        AdminClient.Response updated = admin.post("/service/" + serviceId + "/template/" + templateId,
                Map.of("content", "Dear ((name)), version two.", "created_by", AdminFixtures.SYSTEM_USER));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("data").get("version").asInt()).isEqualTo(2);

        SendEmailResponse second = client.sendEmail(templateId.toString(), "ada@example.com", Map.of("name", "Ada"), "ref-2");
        assertThat(second.getTemplateVersion()).isEqualTo(2);
        assertThat(second.getBody()).contains("version two");
        assertThat(client.getNotificationById(first.getNotificationId().toString()).getTemplateVersion()).isEqualTo(1);
        assertThat(templateVersionOf(first.getNotificationId())).isEqualTo(1);
        assertThat(templateVersionOf(second.getNotificationId())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT content FROM templates_history WHERE id = :id ORDER BY version").param("id", templateId)
                .query(String.class).list()).containsExactly("Dear ((name)), version one.", "Dear ((name)), version two.");

        JsonNode versionOne = admin.get("/service/" + serviceId + "/template/" + templateId + "/version/1").json().get("data");
        assertThat(versionOne.get("content").asText()).isEqualTo("Dear ((name)), version one.");
        assertThat(versionOne.get("created_by").get("id").asText()).isEqualTo(AdminFixtures.SYSTEM_USER);
        JsonNode versions = admin.get("/service/" + serviceId + "/template/" + templateId + "/versions").json().get("data");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);

        String keyId = jdbc.sql("SELECT id FROM api_keys WHERE service_id = :id").param("id", serviceId)
                .query(String.class).single();
        AdminClient.Response revoked = admin.post("/service/" + serviceId + "/api-key/revoke/" + keyId, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT expiry_date IS NOT NULL FROM api_keys WHERE id = CAST(:id AS uuid)").param("id", keyId)
                .query(Boolean.class).single()).isTrue();

        assertThatThrownBy(() -> client.sendEmail(templateId.toString(), "ada@example.com", Map.of("name", "Ada"), "ref-3"))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> {
                    assertThat(e.getHttpResult()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("Invalid token: API key revoked");
                });

        JsonNode keys = admin.get("/service/" + serviceId + "/api-keys").json().get("apiKeys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("id").asText()).isEqualTo(keyId);
        assertThat(keys.get(0).get("expiry_date").isNull()).isFalse();
        assertThat(keys.get(0).has("secret")).isFalse();
        assertThat(keys.toString()).doesNotContain(secret);
    }

    private int templateVersionOf(UUID notificationId) {
        return jdbc.sql("SELECT template_version FROM notifications WHERE id = :id").param("id", notificationId)
                .query(Integer.class).single();
    }
}
