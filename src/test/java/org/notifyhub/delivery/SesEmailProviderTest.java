package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.AwsClientsConfiguration;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/** WireMock stands in for SES: what the provider sends on the wire, and how SES errors are sorted. */
class SesEmailProviderTest {

    private WireMockServer ses;
    private CamelContext camel;
    private SesEmailProvider provider;

    @BeforeEach
    void start() throws Exception {
        ses = new WireMockServer(options().dynamicPort());
        ses.start();
        SesClient client = SesClient.builder()
                .endpointOverride(URI.create(ses.baseUrl()))
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .build();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("sesClient", client);
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();
        provider = new SesEmailProvider(producer);
    }

    @AfterEach
    void stop() {
        camel.stop();
        ses.stop();
    }

    @Test
    void sendsRawMimeWithPlainTextAndHtmlPartsAndTheReplyTo() throws Exception {
        ses.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SendRawEmail")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                          <SendRawEmailResult><MessageId>0102-ses-message-id</MessageId></SendRawEmailResult>
                          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                        </SendRawEmailResponse>""")));

        String messageId = provider.send(new EmailMessage(UUID.randomUUID(), "\"Tax Service\" <tax.service@notifications.service.gov.uk>",
                "ada@example.com", "replies@tax.example", "Your tax code", "Hello Ada\n", "<p>Hello Ada</p>", null));

        assertThat(messageId).isEqualTo("0102-ses-message-id");
        List<LoggedRequest> requests = ses.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(1);
        MimeMessage mime = SesRawEmails.message(requests.get(0).getBodyAsString());
        assertThat(mime.getFrom()[0].toString()).isEqualTo("Tax Service <tax.service@notifications.service.gov.uk>");
        assertThat(mime.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(mime.getReplyTo()[0].toString()).isEqualTo("replies@tax.example");
        assertThat(mime.getSubject()).isEqualTo("Your tax code");
        Multipart parts = (Multipart) mime.getContent();
        assertThat(mime.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Hello Ada\n");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).isEqualTo("<p>Hello Ada</p>");
    }

    @Test
    void theEmailIsTaggedWithItsNotificationIdForSesEvents() throws Exception {
        ses.stubFor(post(urlEqualTo("/")).willReturn(sent()));
        EmailMessage message = message("ada@example.com");

        provider.send(message);

        MimeMessage mime = SesRawEmails.message(ses.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
        assertThat(mime.getHeader("X-SES-MESSAGE-TAGS")).containsExactly("notification_id=" + message.notificationId());
    }

    @Test
    void aOneClickUnsubscribeUrlBecomesTheListUnsubscribeHeadersOnOneLine() throws Exception {
        ses.stubFor(post(urlEqualTo("/")).willReturn(sent()));
        String url = "https://unsubscribe.example.gov.uk/lists/tax-reminders?opaque=" + "a1b2c3d4".repeat(40)
                + "&x=%2F%3D";

        provider.send(new EmailMessage(UUID.randomUUID(), "a@notifications.service.gov.uk", "ada@example.com", null,
                "s", "t", "<p>t</p>", url));

        MimeMessage mime = SesRawEmails.message(ses.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
        assertThat(mime.getHeader("List-Unsubscribe")).containsExactly("<" + url + ">");
        assertThat(mime.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        // Folding a header puts whitespace in it; a URL is never folded, so the raw line is the whole header.
        assertThat(SesRawEmails.text(ses.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString()))
                .contains("\r\nList-Unsubscribe: <" + url + ">\r\n");
    }

    @Test
    void anUnsubscribeUrlTooLongForOneLineIsFoldedInsideItsAngleBrackets() throws Exception {
        ses.stubFor(post(urlEqualTo("/")).willReturn(sent()));
        String url = "https://unsubscribe.example.gov.uk/u?token=" + "0123456789abcdef".repeat(150);

        provider.send(new EmailMessage(UUID.randomUUID(), "a@notifications.service.gov.uk", "ada@example.com", null,
                "s", "t", "<p>t</p>", url));

        String body = ses.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString();
        assertThat(SesRawEmails.text(body).split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        String header = SesRawEmails.message(body).getHeader("List-Unsubscribe")[0];
        assertThat(header).startsWith("<https://").endsWith(">").contains("\r\n ");
        assertThat(header.replaceAll("\\s", "")).isEqualTo("<" + url + ">");
    }

    @Test
    void anEmailWithoutAnUnsubscribeUrlHasNoListUnsubscribeHeaders() throws Exception {
        ses.stubFor(post(urlEqualTo("/")).willReturn(sent()));

        provider.send(message("ada@example.com"));

        MimeMessage mime = SesRawEmails.message(ses.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
        assertThat(mime.getHeader("List-Unsubscribe")).isNull();
        assertThat(mime.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void theHubsSesClientMakesAnUnansweredSendOnceAndItIsUnanswered() {
        ses.stubFor(post(urlEqualTo("/")).willReturn(sent().withFixedDelay(3_000)));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("notify.ses.endpoint", ses.baseUrl())
                .withProperty("notify.ses.access-key", "k")
                .withProperty("notify.ses.secret-key", "s")
                .withProperty("notify.ses.send-timeout", "1s");
        try (SesClient hubs = new AwsClientsConfiguration().sesClient(environment)) {
            camel.getRegistry().bind("sesClient", hubs);
            Throwable failure = catchThrowable(() -> provider.send(message("slow@example.com")));

            assertThat(failure).isInstanceOf(RetryableDeliveryException.class);
            assertThat(UnansweredCalls.unanswered(failure)).isTrue();
            assertThat(ses.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
        }
    }

    @Test
    void invalidParameterValueIsNotRetriedButThrottlingIs() {
        ses.stubFor(post(urlEqualTo("/")).willReturn(error("InvalidParameterValue", "Missing final '@domain'")));
        assertThatThrownBy(() -> provider.send(message("bad-address@example.com")))
                .isInstanceOf(NonRetryableDeliveryException.class);

        ses.resetAll();
        ses.stubFor(post(urlEqualTo("/")).willReturn(error("Throttling", "Maximum sending rate exceeded.")));
        assertThatThrownBy(() -> provider.send(message("busy@example.com")))
                .isInstanceOf(RetryableDeliveryException.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sent() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                <SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                  <SendRawEmailResult><MessageId>0102-ses-message-id</MessageId></SendRawEmailResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </SendRawEmailResponse>""");
    }

    private static EmailMessage message(String to) {
        return new EmailMessage(UUID.randomUUID(), "a@notifications.service.gov.uk", to, null, "s", "t", "<p>t</p>", null);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(String code, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
                  <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>r-2</RequestId>
                </ErrorResponse>""".formatted(code, message));
    }
}
