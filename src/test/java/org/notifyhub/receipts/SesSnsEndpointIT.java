package org.notifyhub.receipts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;

/** SES events pushed by SNS over HTTP: accepted only when SNS signed them; subscriptions confirmed. */
class SesSnsEndpointIT extends HubIntegrationTest {

    private static WireMockServer sns;
    private static PrivateKey key;
    private static PrivateKey expiredKey;

    @Autowired
    private NotificationRepository notifications;

    @BeforeAll
    static void fakeSns() throws Exception {
        KeyStore current = keyStore("sns", "-validity", "2");
        // A certificate that expired yesterday: SNS's signature on it must no longer count.
        KeyStore expired = keyStore("expired", "-startdate", "-3d", "-validity", "2");
        key = (PrivateKey) current.getKey("sns", "changeit".toCharArray());
        expiredKey = (PrivateKey) expired.getKey("expired", "changeit".toCharArray());
        sns = new WireMockServer(options().dynamicPort());
        sns.start();
        sns.stubFor(get(urlPathEqualTo("/SimpleNotificationService-test.pem"))
                .willReturn(aResponse().withBody(pem(current.getCertificate("sns")))));
        sns.stubFor(get(urlPathEqualTo("/SimpleNotificationService-expired.pem"))
                .willReturn(aResponse().withBody(pem(expired.getCertificate("expired")))));
        sns.stubFor(get(urlPathEqualTo("/confirm")).willReturn(aResponse().withStatus(200)));
    }

    private static KeyStore keyStore(String alias, String... validity) throws Exception {
        Path store = Files.createTempDirectory("sns-cert").resolve(alias + ".p12");
        List<String> command = new java.util.ArrayList<>(List.of("keytool", "-genkeypair", "-alias", alias, "-keyalg",
                "RSA", "-keysize", "2048", "-dname", "CN=sns.test", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        command.addAll(List.of(validity));
        Process keytool = new ProcessBuilder(command).inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return keyStore;
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @AfterAll
    static void stopSns() {
        sns.stop();
    }

    @Test
    void aSignedDeliveryEventUpdatesTheEmail() throws Exception {
        String messageId = "sns-" + UUID.randomUUID();
        UUID id = sendingEmail(messageId);

        HttpResponse<String> response = post(signed(notification(messageId)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body())).isEqualTo(mapper.readTree("{\"result\":\"success\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                notifications.find(id).orElseThrow().status() == NotificationStatus.DELIVERED);
    }

    @Test
    void anUnsignedOrForgedEventIsRefusedAndChangesNothing() throws Exception {
        String messageId = "sns-" + UUID.randomUUID();
        UUID id = sendingEmail(messageId);
        ObjectNode forged = signed(notification(messageId));
        forged.put("Message", forged.get("Message").asText().replace("Delivery", "Bounce"));
        ObjectNode untrusted = signed(notification(messageId));
        untrusted.put("SigningCertURL", "https://attacker.example/cert.pem");

        HttpResponse<String> forgedResponse = post(forged);
        HttpResponse<String> untrustedResponse = post(untrusted);

        assertThat(forgedResponse.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(forgedResponse.body()).path("result").asText()).isEqualTo("error");
        assertThat(untrustedResponse.statusCode()).isEqualTo(403);
        Thread.sleep(1500);
        assertThat(notifications.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    }

    @Test
    void anEventFromATopicNotSubscribedToOrSignedWithAnExpiredCertificateIsRefused() throws Exception {
        String messageId = "sns-" + UUID.randomUUID();
        UUID id = sendingEmail(messageId);
        ObjectNode otherTopic = notification(messageId);
        otherTopic.put("TopicArn", "arn:aws:sns:eu-west-2:999999999999:someone-elses-topic");
        ObjectNode expired = signed(notification(messageId), expiredKey, "/SimpleNotificationService-expired.pem");

        HttpResponse<String> otherTopicResponse = post(signed(otherTopic));
        HttpResponse<String> expiredResponse = post(expired);

        assertThat(otherTopicResponse.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(otherTopicResponse.body()).path("result").asText()).isEqualTo("error");
        assertThat(expiredResponse.statusCode()).isEqualTo(403);
        Thread.sleep(1500);
        assertThat(notifications.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    }

    @Test
    void aSubscriptionConfirmationIsConfirmed() throws Exception {
        ObjectNode message = mapper.createObjectNode();
        message.put("Type", "SubscriptionConfirmation");
        message.put("MessageId", UUID.randomUUID().toString());
        message.put("Token", "token-1");
        message.put("TopicArn", "arn:aws:sns:eu-west-2:123456789012:ses-events");
        message.put("Message", "You have chosen to subscribe to the topic");
        message.put("SubscribeURL", sns.baseUrl() + "/confirm?Action=ConfirmSubscription&Token=token-1");
        message.put("Timestamp", "2026-11-22T12:00:00.000Z");

        assertThat(post(signed(message)).statusCode()).isEqualTo(200);
        sns.verify(1, getRequestedFor(urlPathEqualTo("/confirm")));
    }

    private UUID sendingEmail(String messageId) {
        TestService service = testServices.create(false, List.of("email"));
        UUID id = UUID.randomUUID();
        notifications.insert(new NotificationRow(id, "sns@example.com", "sns@example.com", null, null, service.id(),
                service.emailTemplate(), 1, null, KeyType.NORMAL, 0, NotificationType.EMAIL, LocalDateTime.now(), LocalDateTime.now(), "ses",
                LocalDateTime.now(), NotificationStatus.SENDING, messageId, null, null, null, null, null, false, null, null, null));
        return id;
    }

    private ObjectNode notification(String messageId) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("notificationType", "Delivery");
        event.putObject("mail").put("messageId", messageId).put("timestamp", java.time.Instant.now().toString());
        event.putObject("delivery").putArray("recipients").add("sns@example.com");
        ObjectNode message = mapper.createObjectNode();
        message.put("Type", "Notification");
        message.put("MessageId", UUID.randomUUID().toString());
        message.put("TopicArn", "arn:aws:sns:eu-west-2:123456789012:ses-events");
        message.put("Message", mapper.writeValueAsString(event));
        message.put("Timestamp", "2026-11-22T12:00:00.000Z");
        return message;
    }

    /** Signs as SNS does (signature version 2) with the fake SNS's key. */
    private ObjectNode signed(ObjectNode message) throws Exception {
        return signed(message, key, "/SimpleNotificationService-test.pem");
    }

    private ObjectNode signed(ObjectNode message, PrivateKey signingKey, String certificatePath) throws Exception {
        List<String> fields = "Notification".equals(message.path("Type").asText())
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (message.hasNonNull(field)) {
                text.append(field).append('\n').append(message.get(field).asText()).append('\n');
            }
        }
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signingKey);
        signature.update(text.toString().getBytes(StandardCharsets.UTF_8));
        message.put("SignatureVersion", "2");
        message.put("Signature", Base64.getEncoder().encodeToString(signature.sign()));
        message.put("SigningCertURL", sns.baseUrl() + certificatePath);
        return message;
    }

    private HttpResponse<String> post(ObjectNode message) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/notifications/email/ses"))
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
