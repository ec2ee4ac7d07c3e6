package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.V2Http;

/**
 * The API keeps services, keys and templates in a short-lived cache, and this node's admin API evicts what it
 * changes: each change below applies to the very next send, made straight after a send that filled the cache.
 */
class AdminChangesApplyAtOnceIT extends AdminApiTest {

    @Test
    void aRevokedKeyAnArchivedTemplateAndARemovedPermissionApplyToTheNextSend() throws Exception {
        V2Http v2 = new V2Http(mapper, baseUrl());
        UUID serviceId = fixtures.liveService();
        UUID first = fixtures.emailTemplate(serviceId, "One", "First template");
        UUID second = fixtures.emailTemplate(serviceId, "Two", "Second template");
        String keyToRevoke = fixtures.apiKey(serviceId, "normal");
        String key = fixtures.apiKey(serviceId, "normal");

        assertThat(send(v2, keyToRevoke, first).status()).isEqualTo(201);
        String keyId = jdbc.sql("SELECT id FROM api_keys WHERE service_id = :id AND name = :name")
                .param("id", serviceId).param("name", keyToRevoke.substring(0, keyToRevoke.length() - 74))
                .query(String.class).single();
        assertThat(admin.post("/service/" + serviceId + "/api-key/revoke/" + keyId, null).status()).isEqualTo(202);
        V2Http.Reply revoked = send(v2, keyToRevoke, first);
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.message()).isEqualTo("Invalid token: API key revoked");

        assertThat(send(v2, key, first).status()).isEqualTo(201);
        assertThat(admin.post("/service/" + serviceId + "/template/" + first,
                Map.of("archived", true, "created_by", AdminFixtures.SYSTEM_USER)).status()).isEqualTo(200);
        V2Http.Reply archived = send(v2, key, first);
        assertThat(archived.status()).isEqualTo(400);
        assertThat(archived.message()).isEqualTo("Template has been deleted");

        assertThat(send(v2, key, second).status()).isEqualTo(201);
        assertThat(admin.post("/service/" + serviceId, Map.of("permissions", List.of("sms"))).status()).isEqualTo(200);
        V2Http.Reply notAllowed = send(v2, key, second);
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(notAllowed.message()).isEqualTo("Service is not allowed to send emails");
    }

    private static V2Http.Reply send(V2Http v2, String key, UUID template) throws Exception {
        return v2.post("/v2/notifications/email", "Bearer " + Jwt.forKey(key),
                "{\"template_id\": \"" + template + "\", \"email_address\": \"ada@example.com\"}");
    }
}
