package org.notifyhub.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * Every error the hub gives outside its routes comes in the endpoint's JSON envelope: Notify's v2 envelope on /v2,
 * its non-v2 one on the admin and other paths. Requests go out raw, as a careless or hostile client sends them.
 */
class EdgeErrorsIT extends HubIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void aWrongMethodIs405InTheEndpointsEnvelope() throws Exception {
        assertV2(send("DELETE /v2/notifications"), 405);
        assertV2(send("PUT /v2/notifications/sms"), 405);
        assertAdmin(send("DELETE /service"), 405);
    }

    @Test
    void anUnknownPathIs404InTheEndpointsEnvelope() throws Exception {
        assertV2(send("GET /v2/no-such-thing"), 404);
        assertAdmin(send("GET /service/no/such/thing/here"), 404);
        assertAdmin(send("GET /no-such-thing"), 404);
    }

    @Test
    void anEncodedSlashIs400InTheEndpointsEnvelope() throws Exception {
        assertV2(send("GET /v2/notifications%2Fabc"), 400);
        assertAdmin(send("GET /service%2Fabc"), 400);
    }

    @Test
    void anUnreadableUriIs400InJson() throws Exception {
        assertV2(send("GET /v2/notifications/%zz"), 400);
        assertAdmin(send("GET /service/%zz"), 400);
        assertJson400(send("GET /v2/notifications/a{b}"));
        assertV2(send("GET /v2/../../etc/passwd"), 400);
    }

    @Test
    void headersOrAQueryStringOverTheLimitsAre400InJson() throws Exception {
        String big = "x".repeat(20_000);
        assertJson400(send("GET /v2/notifications", "X-Padding: " + big));
        assertJson400(send("GET /v2/notifications?reference=" + big));
        assertJson400(send("GET /service?x=" + big));
        String[] manyHeaders = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "X-H" + i + ": " + i).toArray(String[]::new);
        assertV2(send("GET /v2/notifications", manyHeaders), 400);
    }

    @Test
    void pathsTheSecurityFirewallRefusesAre400InTheEndpointsEnvelope() throws Exception {
        assertV2(send("GET /v2//notifications"), 400);
        assertV2(send("GET /v2/notifications;jsessionid=1"), 400);
        assertV2(send("GET /v2/notifications/%2e%2e/templates"), 400);
        assertAdmin(send("GET /service//x"), 400);
        assertAdmin(send("POST /service;x=1/"), 400);
    }

    @Test
    void headersAndParameterNamesTheSecurityFirewallRefusesAre400InTheEndpointsEnvelope() throws Exception {
        // U+0085 is a control character Tomcat lets through (obs-text) and the firewall refuses when it is read.
        assertV2(send("GET /v2/notifications", "X-Odd: a\u0085b"), 400);
        assertV2(send("GET /v2/notifications?a%C2%85b=1"), 400);
        assertAdmin(send("GET /service", "X-Odd: a\u0085b"), 400);
        assertAdmin(send("POST /notifications/sms/mmg", "X-Odd: a\u0085b"), 400);
    }

    @Test
    void whileTheNodeIsNotReadyTheApiAnswers503InItsEnvelopeAndHealthAsEver() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Raw v2 = send("GET /v2/notifications");
            assertV2(v2, 503);
            assertThat(v2.header("retry-after")).isEqualTo("5");
            assertAdmin(send("POST /service"), 503);
            assertAdmin(send("POST /notifications/sms/mmg"), 503);
            assertThat(send("GET /actuator/health/liveness").status()).isEqualTo(200);
            assertThat(send("GET /actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertV2(send("GET /v2/notifications"), 401);
    }

    @Test
    void operatorEndpointsKeepSpringsErrors() throws Exception {
        Raw missing = send("GET /actuator/no-such-endpoint");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().has("result")).as(missing.body()).isFalse();
    }

    private void assertV2(Raw response, int status) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("status_code").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(body.path("errors")).as(response.toString()).hasSize(1);
        assertThat(body.path("errors").get(0).path("error").asText()).as(response.toString()).isNotBlank();
        assertThat(body.path("errors").get(0).path("message").asText()).as(response.toString()).isNotBlank();
    }

    private void assertAdmin(Raw response, int status) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("result").asText()).as(response.toString()).isEqualTo("error");
        assertThat(body.path("message").asText()).as(response.toString()).isNotBlank();
    }

    /** Where Tomcat cannot read the request line, it cannot know the path: either envelope, but JSON. */
    private void assertJson400(Raw response) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.has("errors") || "error".equals(body.path("result").asText())).as(response.toString()).isTrue();
    }

    /** HTTP/1.0 with the connection closed after the answer: the body is everything after the headers, never chunked. */
    private Raw send(String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\nHost: localhost\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            boolean post = requestLine.startsWith("POST") || requestLine.startsWith("PUT");
            request.append(post ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return new Raw(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private record Raw(String text) {

        int status() {
            return Integer.parseInt(text.split(" ", 3)[1]);
        }

        String header(String name) {
            return text.substring(0, headersEnd()).lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
        }

        String body() {
            return text.substring(headersEnd() + 4);
        }

        JsonNode json() throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body());
        }

        private int headersEnd() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text.length() - 4 : end;
        }

        @Override
        public String toString() {
            return text.length() > 600 ? text.substring(0, 600) + "…" : text;
        }
    }
}
