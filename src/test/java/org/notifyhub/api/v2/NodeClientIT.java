package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;

/** GOV.UK Notify's official Node client (notifications-node-client) against the hub, changing nothing but the URL. */
class NodeClientIT extends HubIntegrationTest {

    @Test
    void theNodeClientSendsReadsListsAndSeesNotifysErrors() throws Exception {
        JsonNode out = mapper.readTree(NodeScripts.run("send-and-read.js", Map.of(
                "NOTIFY_BASE_URL", baseUrl(),
                "NOTIFY_API_KEY", credentials.apiKeys().normal(),
                "EMAIL_TEMPLATE_ID", credentials.templates().email().toString(),
                "SMS_TEMPLATE_ID", credentials.templates().sms().toString()), 120));

        assertThat(out.at("/email/content/subject").asText()).isEqualTo("Hello Node");
        assertThat(out.at("/email/reference").asText()).isEqualTo("from-node");
        assertThat(out.at("/email/template/version").asInt()).isEqualTo(1);
        assertThat(out.at("/sms/content/body").asText()).endsWith("Hello Node, this is your first text message from Notify Hub.");
        assertThat(out.at("/read/email_address").asText()).isEqualTo("node-client@example.com");
        assertThat(out.at("/read/type").asText()).isEqualTo("email");
        assertThat(out.at("/list/notifications/0/id").asText()).isEqualTo(out.at("/email/id").asText());
        assertThat(out.at("/error/status_code").asInt()).isEqualTo(400);
        assertThat(out.at("/error/errors/0/message").asText()).isEqualTo("email_address Not a valid email address");
    }
}
