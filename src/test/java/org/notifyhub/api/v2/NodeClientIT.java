package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GOV.UK Notify's official Node client (notifications-node-client) against the hub, changing nothing but the URL. */
class NodeClientIT extends HubIntegrationTest {

    private static final String LETTER_PDF_ROUTE = "get-pdf-for-templated-letter";

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CamelContext camel;

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

    /**
     * The parts of today's contract the Node client has calls for: {@code sanitiseContentFor}, a precompiled letter
     * without postage, and a letter's PDF polled through the client's own error handling. The letter PDF route is
     * held until the script has seen it not ready, so the not-ready answer is always exercised.
     */
    @Test
    void theNodeClientSanitisesSendsPrecompiledLettersAndPollsALettersPdf() throws Exception {
        TestService service = testServices.create(false, List.of("email", "letter"));
        Map<String, String> environment = Map.of("NOTIFY_BASE_URL", baseUrl(), "NOTIFY_API_KEY", service.normalKey(),
                "EMAIL_TEMPLATE_ID", service.emailTemplate().toString(),
                "LETTER_TEMPLATE_ID", service.letterTemplate().toString());

        camel.getRouteController().stopRoute(LETTER_PDF_ROUTE);
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> letterRows(service) > 0);
            sleepQuietly(Duration.ofSeconds(2)); // several polls answer not ready meanwhile
            startRoute();
        });
        JsonNode out;
        try {
            out = mapper.readTree(NodeScripts.run("contract.js", environment, 120));
            release.get(60, TimeUnit.SECONDS);
        } finally {
            startRoute();
        }

        // Notify's URL pattern runs to the next space, so the link's closing bracket goes with it
        String sanitised = "Jo, see \\[my site\\]\\( or www\\. gov\\. uk";
        assertThat(out.at("/sanitised/content/body").asText()).isEqualTo("Dear " + sanitised);
        assertThat(out.at("/sanitised/sanitised_content/name/sanitised").asText()).isEqualTo(sanitised);
        assertThat(out.at("/sanitised/sanitised_content/name/unsanitised").asText())
                .isEqualTo("Jo, see [my site](https://bad.example/x) or www.gov.uk");
        assertThat(out.at("/precompiled/postage").asText()).isEqualTo("second");
        assertThat(out.at("/precompiled/reference").asText()).isEqualTo("node-precompiled");
        JsonNode notReady = out.at("/pdf/notReady");
        assertThat(notReady.size()).isPositive();
        for (JsonNode answer : notReady) {
            assertThat(answer.get("status").asInt()).isEqualTo(400);
            assertThat(answer.at("/errors/0/error").asText()).isEqualTo("PDFNotReadyError");
            assertThat(answer.at("/errors/0/message").asText()).isEqualTo("PDF not available yet, try again later");
        }
        assertThat(out.at("/pdf/header").asText()).isEqualTo("%PDF-");
        assertThat(out.at("/pdf/size").asInt()).isGreaterThan(1000);
    }

    private long letterRows(TestService service) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s AND notification_type = 'letter' "
                + "AND client_reference = 'node-letter'").param("s", service.id()).query(Long.class).single();
    }

    private void startRoute() {
        try {
            camel.getRouteController().startRoute(LETTER_PDF_ROUTE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
