package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/**
 * POST /v2/notifications/email with sanitise_content_for: the named values lose their links and have their markdown
 * escaped before the email is rendered and stored, and the response says what changed. (The official Java client
 * 6.0.0 has no argument for the list, so the request is raw JSON; its plain sends must still read the new key.)
 */
class SanitiseContentIT extends HubIntegrationTest {

    private static final String SUBJECT = "Your registration";
    private static final String CONTENT = "Hello ((first name))\nPlease confirm on [our website](((link)))";

    @Autowired
    private TemplateRepository templates;
    @Autowired
    private NotificationContent content;
    @Autowired
    private JdbcClient jdbc;

    private TestService service;
    private UUID template;
    private V2Http http;

    @BeforeEach
    void emailTemplate() {
        service = testServices.create(false, List.of("email"));
        template = UUID.randomUUID();
        templates.insert(template, service.id(), "Registration", "email", SUBJECT, CONTENT, TestServices.SYSTEM_USER);
        http = new V2Http(mapper, baseUrl());
    }

    @Test
    void theNamedValuesAreSanitisedBeforeRenderingAndTheResponseSaysHow() throws Exception {
        V2Http.Reply reply = send("""
                "personalisation": {"First_Name": "Jo, please [click here](https://bad.example)",
                                    "link": "https://good.example/confirm"},
                "sanitise_content_for": ["first name"]""");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode sanitised = reply.body().get("sanitised_content");
        assertThat(sanitised.fieldNames()).toIterable().containsExactly("First_Name");
        assertThat(sanitised.get("First_Name").get("unsanitised").asText())
                .isEqualTo("Jo, please [click here](https://bad.example)");
        assertThat(sanitised.get("First_Name").get("sanitised").asText()).isEqualTo("Jo, please \\[click here\\]\\(\\)");
        String body = "Hello Jo, please \\[click here\\]\\(\\)\nPlease confirm on [our website](https://good.example/confirm)";
        assertThat(reply.body().get("content").get("body").asText()).isEqualTo(body);

        // the sanitised value is what is stored, so what is delivered and read back shows the text, not a link
        String id = reply.body().get("id").asText();
        assertThat(http.get("/v2/notifications/" + id, auth()).body().get("body").asText()).isEqualTo(body);
        Map<String, Object> stored = content.decryptPersonalisation(jdbc.sql(
                "SELECT _personalisation FROM notifications WHERE id = :id::uuid").param("id", id).query(String.class).single());
        RenderedEmail email = EmailRenderer.render(SUBJECT, CONTENT, stored);
        assertThat(email.plainTextBody()).isEqualTo("Hello Jo, please [click here]()\n"
                + "Please confirm on our website: https://good.example/confirm\n");
        assertThat(email.htmlBody()).contains("Hello Jo, please [click here]()<br>")
                .doesNotContain("bad.example").contains("href=\"https://good.example/confirm\"");
    }

    @Test
    void everyEmailResponseCarriesSanitisedContentEmptyWhenNothingChanged() throws Exception {
        V2Http.Reply named = send("""
                "personalisation": {"first name": "Jo", "link": "https://good.example"},
                "sanitise_content_for": ["first name", "no such value"]""");
        V2Http.Reply none = send("""
                "personalisation": {"first name": "Jo", "link": "https://good.example"},
                "sanitise_content_for": null""");

        for (V2Http.Reply reply : List.of(named, none)) {
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body().get("sanitised_content").isObject()).isTrue();
            assertThat(reply.body().get("sanitised_content")).isEmpty();
        }

        SendEmailResponse fromClient = new NotificationClient(service.normalKey(), baseUrl()).sendEmail(template.toString(),
                "jo@example.com", Map.of("first name", "Jo", "link", "https://good.example"), null);
        assertThat(fromClient.getBody()).startsWith("Hello Jo");
    }

    @Test
    void aListThatIsNotAListIsRefusedWithNotifysSchemaText() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM notifications").query(Long.class).single();

        V2Http.Reply notAList = send("""
                "personalisation": {"first name": "Jo", "link": "https://good.example"},
                "sanitise_content_for": "first name\"""");
        V2Http.Reply notNames = send("""
                "personalisation": {"first name": "Jo", "link": "https://good.example"},
                "sanitise_content_for": ["first name", 5]""");

        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.error()).isEqualTo("ValidationError");
        assertThat(notAList.message()).isEqualTo("sanitise_content_for first name is not of type array, null");
        assertThat(notNames.status()).isEqualTo(400);
        assertThat(notNames.error()).isEqualTo("ValidationError");
        assertThat(notNames.message()).isEqualTo("sanitise_content_for 5 is not of type string, null");
        assertThat(jdbc.sql("SELECT count(*) FROM notifications").query(Long.class).single()).isEqualTo(before);
    }

    private V2Http.Reply send(String fields) throws Exception {
        return http.post("/v2/notifications/email", auth(), "{\"email_address\": \"jo@example.com\", \"template_id\": \""
                + template + "\", " + fields + "}");
    }

    private String auth() {
        return "Bearer " + Jwt.forKey(service.normalKey());
    }
}
