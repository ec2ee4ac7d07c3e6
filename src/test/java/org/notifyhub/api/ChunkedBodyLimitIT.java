package org.notifyhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * A chunked body has no Content-Length, so the size limit must hold for the bytes as they are read: just past the
 * limit, every endpoint that takes a body answers 413 in its own envelope and stores nothing. A declared length over
 * the limit is refused before it is read, and the client still reads the 413.
 */
class ChunkedBodyLimitIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

    @Value("${notify.api.max-body-bytes}")
    private int maxBodyBytes;

    private TestService live;

    @BeforeEach
    void service() {
        live = testServices.create(false, List.of("email", "sms", "letter"));
    }

    @Test
    void aChunkedV2SendOverTheLimitIs413InTheV2EnvelopeAndStoresNothing() throws Exception {
        long before = count("notifications");
        String start = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + live.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"A\", \"unused\": \"";

        HttpResponse<String> response = chunked("/v2/notifications/sms", "Bearer " + Jwt.forKey(live.normalKey()), start,
                "\"}}");

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("status_code").asInt()).isEqualTo(413);
        assertThat(body.at("/errors/0/error").asText()).isEqualTo("BadRequestError");
        assertThat(body.at("/errors/0/message").asText()).isEqualTo("Request body is larger than " + maxBodyBytes + " bytes");
        assertThat(count("notifications")).isEqualTo(before);
    }

    @Test
    void aChunkedAdminPostOverTheLimitIs413InTheAdminEnvelopeAndChangesNothing() throws Exception {
        long before = count("templates");

        HttpResponse<String> response = chunked("/service/" + live.id() + "/template", adminToken(),
                "{\"name\": \"big\", \"template_type\": \"sms\", \"content\": \"", "\"}");

        assertAdmin413(response);
        assertThat(count("templates")).isEqualTo(before);
    }

    @Test
    void aChunkedCsvUploadOverTheLimitIs413AndNothingIsStored() throws Exception {
        HttpResponse<String> response = chunked("/service/" + live.id() + "/job/upload?template_id=" + live.smsTemplate(),
                adminToken(), "phone number,name\n07700900123,", "\n");

        assertAdmin413(response);
        assertThat(storedCsvs()).isZero();
    }

    @Test
    void anAdminPostDeclaringALengthOverTheLimitIs413InTheAdminEnvelope() throws Exception {
        byte[] body = new byte[maxBodyBytes + 1];
        java.util.Arrays.fill(body, (byte) 'x');

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/service"))
                .header("Authorization", adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertAdmin413(response);
    }

    @Test
    void aV2SendDeclaringThirtyMegabytesIs413AndTheHubStillReadsWhatFollows() throws Exception {
        long before = count("notifications");
        byte[] megabyte = new byte[1_000_000];
        java.util.Arrays.fill(megabyte, (byte) 'x');

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/notifications/sms HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Jwt.forKey(live.normalKey()) + "\r\nContent-Length: 30000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            // refused on its declared length, before a byte of the body is read
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            // a client sends its whole body before it reads: the hub reads and drops it (server.tomcat.max-swallow-size)
            // rather than closing under it, which would reset the connection and lose the 413 from the client's buffer
            for (int sent = 0; sent < 30; sent++) {
                out.write(megabyte);
            }
            out.flush();
        }
        assertThat(count("notifications")).isEqualTo(before);
    }

    @Test
    void theDrillsSixtyMegabyteChunkedSendStoresNothing() throws Exception {
        long before = count("notifications");
        byte[] filler = new byte[60_000_000];
        java.util.Arrays.fill(filler, (byte) 'x');
        String start = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + live.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"A\", \"unused\": \"";

        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/notifications/sms"))
                    .header("Authorization", "Bearer " + Jwt.forKey(live.normalKey()))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                            List.of(new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)),
                                    new ByteArrayInputStream(filler), new ByteArrayInputStream("\"}}".getBytes(StandardCharsets.UTF_8)))))))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedWhileSending) {
            status = -1;
        }

        // the answer is 413; a client still sending when the hub closes the connection may see only the close
        assertThat(status).isIn(413, -1);
        assertThat(count("notifications")).isEqualTo(before);
    }

    @Test
    void aChunkedProviderReceiptOverTheLimitIs413InTheProviderEnvelope() throws Exception {
        HttpResponse<String> response = chunked("/notifications/sms/mmg", null, "{\"reference\": \"", "\"}");

        assertAdmin413(response);
    }

    @Test
    void aChunkedSnsMessageOverTheLimitIs413InTheProviderEnvelope() throws Exception {
        HttpResponse<String> response = chunked("/notifications/email/ses", null, "{\"Type\": \"Notification\", \"Message\": \"",
                "\"}");

        assertAdmin413(response);
    }

    @Test
    void unusedPersonalisationBeyondTheLimitIsRefusedAndNotStored() throws Exception {
        long before = count("notifications");
        String body = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + live.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"A\", \"extra\": \"" + "x".repeat(51_201) + "\"}}";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/notifications/sms"))
                .header("Authorization", "Bearer " + Jwt.forKey(live.normalKey()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode json = mapper.readTree(response.body());
        assertThat(json.at("/errors/0/error").asText()).isEqualTo("ValidationError");
        assertThat(json.at("/errors/0/message").asText())
                .isEqualTo("Personalisation variables size of 51201 bytes is greater than allowed limit of 51200 bytes.");
        assertThat(count("notifications")).isEqualTo(before);
    }

    @Test
    void aLongValueThatTheTemplateUsesIsStillSent() throws Exception {
        String body = "{\"email_address\": \"someone@example.com\", \"template_id\": \"" + live.emailTemplate()
                + "\", \"personalisation\": {\"name\": \"" + "x".repeat(100_000) + "\"}}";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/notifications/email"))
                .header("Authorization", "Bearer " + Jwt.forKey(live.normalKey()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void assertAdmin413(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("result").asText()).isEqualTo("error");
        assertThat(body.path("message").asText()).isEqualTo("Request body is larger than " + maxBodyBytes + " bytes");
    }

    /** start + filler + end, a megabyte past the limit (within what Tomcat swallows), sent without a length. */
    private HttpResponse<String> chunked(String path, String authorization, String start, String end) throws Exception {
        byte[] filler = new byte[maxBodyBytes + 1_000_000];
        java.util.Arrays.fill(filler, (byte) 'x');
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)), new ByteArrayInputStream(filler),
                        new ByteArrayInputStream(end.getBytes(StandardCharsets.UTF_8)))))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken() {
        return "Bearer " + Jwt.signed(credentials.admin().clientId(), credentials.admin().secret().split(",")[0],
                Instant.now());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private int storedCsvs() {
        try {
            return s3.listObjectsV2(r -> r.bucket("notifications-csv-upload").prefix("service-" + live.id())).contents().size();
        } catch (NoSuchBucketException e) {
            return 0;
        }
    }
}
