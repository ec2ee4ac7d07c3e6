package org.notifyhub.api.v2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.delivery.SesRawEmails;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/**
 * one_click_unsubscribe_url from the official Java and Node clients: stored with the email, shown by GET and the list,
 * and sent to SES (WireMock, behind a node configured for SES) as RFC 8058's List-Unsubscribe headers, retries too.
 */
class OneClickUnsubscribeIT extends HubIntegrationTest {

    private static final String JAVA_URL = "https://unsubscribe.example.gov.uk/java?opaque=" + "j4v4".repeat(60);
    private static final String NODE_URL = "https://unsubscribe.example.gov.uk/node?opaque=123456789&list=%2Freminders";

    @Autowired
    private Environment environment;

    @Autowired
    private NotificationRepository notifications;

    @Autowired
    private HighVolumeSaves highVolumeSaves;

    @Autowired
    private Encryption encryption;

    @Autowired
    private NotificationContent content;

    @Autowired
    private TemplateRepository templates;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void bothOfficialClientsSendTheUrlToSesAsListUnsubscribeHeadersAndReadItBack() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        WireMockServer ses = new WireMockServer(options().dynamicPort());
        ses.start();
        // SES fails the first send (the first two, if they arrive together): the retry queue sends it again
        ses.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answering").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
                        .withBody("<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>Receiver"
                                + "</Type><Code>InternalFailure</Code><Message>Try again</Message></Error></ErrorResponse>")));
        ses.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("answering")
                .withRequestBody(containing("Action=SendRawEmail")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                          <SendRawEmailResult><MessageId>0102-unsubscribe</MessageId></SendRawEmailResult>
                          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                        </SendRawEmailResponse>""")));
        SendEmailResponse fromJava;
        JsonNode fromNode;
        try (ExtraNode node = ExtraNode.start("unsubscribe-ses", sesNodeProperties(ses))) {
            fromJava = new NotificationClient(service.normalKey(), node.baseUrl()).sendEmail(
                    service.emailTemplate().toString(), "java@example.com", Map.of("name", "Java"), "java-unsubscribe",
                    null, URI.create(JAVA_URL));
            fromNode = mapper.readTree(NodeScripts.run("unsubscribe.js", Map.of("NOTIFY_BASE_URL", node.baseUrl(),
                    "NOTIFY_API_KEY", service.normalKey(), "EMAIL_TEMPLATE_ID", service.emailTemplate().toString(),
                    "EMAIL_ADDRESS", "node@example.com", "UNSUBSCRIBE_URL", NODE_URL), 120));
            List<UUID> ids = List.of(fromJava.getNotificationId(), UUID.fromString(fromNode.at("/sent/id").asText()));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM notifications WHERE id IN (:ids) AND reference = '0102-unsubscribe'")
                    .param("ids", ids).query(Long.class).single() == 2);
        } finally {
            ses.stop();
        }

        // Java client 6.0.0 reads one_click_unsubscribe_url from the top of the 201, but Notify answers it inside
        // content (as here, see the Node client's view): against Notify too, the Java client sees none.
        assertThat(fromJava.getOneClickUnsubscribeURL()).isEmpty();
        assertThat(fromNode.at("/sent/content/one_click_unsubscribe_url").asText()).isEqualTo(NODE_URL);
        assertThat(fromNode.at("/read/one_click_unsubscribe_url").asText()).isEqualTo(NODE_URL);
        assertThat(fromNode.at("/list/notifications/0/one_click_unsubscribe_url").asText()).isEqualTo(NODE_URL);

        // every call, the failed first one and its retry included, carries its email's URL
        Map<String, String> urls = Map.of("java@example.com", JAVA_URL, "node@example.com", NODE_URL);
        List<String> recipients = new ArrayList<>();
        for (var request : ses.findAll(postRequestedFor(urlEqualTo("/")))) {
            MimeMessage mime = SesRawEmails.message(request.getBodyAsString());
            String recipient = mime.getAllRecipients()[0].toString();
            recipients.add(recipient);
            assertThat(mime.getHeader("List-Unsubscribe")).containsExactly("<" + urls.get(recipient) + ">");
            assertThat(mime.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        }
        assertThat(recipients).containsAll(urls.keySet()).hasSizeGreaterThan(urls.size());

        V2Http http = new V2Http(mapper, baseUrl());
        String bearer = "Bearer " + Jwt.forKey(service.normalKey());
        JsonNode read = http.get("/v2/notifications/" + fromJava.getNotificationId(), bearer).body();
        assertThat(read.get("one_click_unsubscribe_url").asText()).isEqualTo(JAVA_URL);
        assertThat(read.get("status").asText()).isEqualTo("sending");
    }

    @Test
    void anEmailWithoutAUrlShowsNullAndSoDoTextMessages() throws Exception {
        TestService service = testServices.create(false, List.of("email", "sms"));
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        String email = client.sendEmail(service.emailTemplate().toString(), "none@example.com", Map.of("name", "N"), null)
                .getNotificationId().toString();
        String sms = client.sendSms(service.smsTemplate().toString(), "07700900123", Map.of("name", "N"), null)
                .getNotificationId().toString();

        V2Http http = new V2Http(mapper, baseUrl());
        String bearer = "Bearer " + Jwt.forKey(service.normalKey());
        for (String id : List.of(email, sms)) {
            JsonNode read = http.get("/v2/notifications/" + id, bearer).body();
            assertThat(read.has("one_click_unsubscribe_url")).isTrue();
            assertThat(read.get("one_click_unsubscribe_url").isNull()).as(id).isTrue();
        }
    }

    @Test
    void theHighVolumeSaveKeepsTheUrl() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        NotificationRow row = NotificationRow.email(UUID.randomUUID(), NotificationOrigin.api(service.id(),
                        templates.findVersion(service.id(), service.emailTemplate(), 1).orElseThrow(), null,
                        KeyType.NORMAL, LocalDateTime.now()), "volume@example.com", null, null,
                content.encryptPersonalisation(Map.of("name", "V")), NODE_URL, null);

        highVolumeSaves.save(encryption.encrypt(mapper.writeValueAsString(row)));

        assertThat(notifications.find(row.id()).orElseThrow().unsubscribeLink()).isEqualTo(NODE_URL);
    }

    private Map<String, Object> sesNodeProperties(WireMockServer ses) throws Exception {
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "unsubscribe-ses");
        properties.put("notify.roles", "api,worker");
        // its own queues, so only this node (the one sending through SES) delivers what it accepted
        properties.put("notify.queue-prefix", "unsubscribe-ses-");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-unsubscribe-ses-").toString());
        properties.put("notify.email.provider", "ses");
        properties.put("notify.ses.endpoint", ses.baseUrl());
        properties.put("notify.ses.region", "eu-west-2");
        properties.put("notify.ses.access-key", "unsubscribe-key");
        properties.put("notify.ses.secret-key", "unsubscribe-secret");
        properties.put("notify.delivery.retry-delays", "1s,2s,3s");
        return properties;
    }
}
