package org.notifyhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bytes that are not text, NUL characters, JSON with something after it and ids that are almost UUIDs: each gets a
 * clear 4xx in its endpoint's envelope (v2 or admin) and changes nothing, never a 500 and never a half-read row.
 */
class BadBytesIT extends HubIntegrationTest {

    private static final String INVALID_JSON = "Invalid JSON supplied in POST data";
    private static final String NOT_CSV = "Notify cannot read this file. Save it as a CSV file (comma-separated values, "
            + "UTF-8) and try again.";
    private static final String NUL = "\\u0000";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private JdbcClient jdbc;

    private TestService live;

    @BeforeEach
    void service() {
        live = testServices.create(false, List.of("email", "sms", "letter"));
    }

    enum Api { V2, ADMIN }

    /** A request and what must come back: status, envelope, the error name (v2) and a text the answer contains. */
    record Case(String name, String method, Function<BadBytesIT, String> path, Function<BadBytesIT, byte[]> body,
                Api api, int status, String error, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Bodies that are not UTF-8, to every v2 endpoint that takes one.
        for (String channel : List.of("sms", "email", "letter")) {
            String path = "/v2/notifications/" + channel;
            cases.add(v2Post(channel + ": Latin-1", path, t -> t.send(channel, "Andr\u00e9").getBytes(StandardCharsets.ISO_8859_1)));
            cases.add(v2Post(channel + ": UTF-16 with a byte order mark", path,
                    t -> t.send(channel, "Andr\u00e9").getBytes(StandardCharsets.UTF_16)));
            cases.add(v2Post(channel + ": UTF-16LE", path, t -> t.send(channel, "Ada").getBytes(StandardCharsets.UTF_16LE)));
            cases.add(v2Post(channel + ": binary", path, t -> binary()));
            cases.add(v2Post(channel + ": PNG", path, t -> png()));
            cases.add(v2Post(channel + ": xlsx", path, t -> xlsx()));
        }
        cases.add(v2Post("preview: Latin-1", "/v2/template/{sms}/preview",
                t -> "{\"personalisation\": {\"name\": \"Andr\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(v2Post("sms: a raw NUL byte", "/v2/notifications/sms", t -> t.send("sms", "A\u0000B").getBytes(StandardCharsets.UTF_8)));

        // NUL in each text field of a send.
        cases.add(nul("sms", "phone_number", t -> t.sms("\"07700900123" + NUL + "\"", "\"A\"", "")));
        cases.add(nul("sms", "template_id", t -> "{\"phone_number\": \"07700900123\", \"template_id\": \"" + t.live.smsTemplate()
                + NUL + "\", \"personalisation\": {\"name\": \"A\"}}"));
        cases.add(nul("sms", "personalisation", t -> t.sms("\"07700900123\"", "\"A" + NUL + "B\"", "")));
        cases.add(nul("sms", "personalisation", t -> t.sms("\"07700900123\"", "\"A\", \"na" + NUL + "me\": \"B\"", "")));
        cases.add(nul("sms", "reference", t -> t.sms("\"07700900123\"", "\"A\"", ", \"reference\": \"ref" + NUL + "\"")));
        cases.add(nul("sms", "sms_sender_id", t -> t.sms("\"07700900123\"", "\"A\"", ", \"sms_sender_id\": \"" + NUL + "\"")));
        cases.add(nul("email", "email_address", t -> "{\"email_address\": \"a" + NUL + "@example.com\", \"template_id\": \""
                + t.live.emailTemplate() + "\", \"personalisation\": {\"name\": \"A\"}}"));
        cases.add(nul("email", "reference", t -> "{\"email_address\": \"a@example.com\", \"template_id\": \""
                + t.live.emailTemplate() + "\", \"personalisation\": {\"name\": \"A\"}, \"reference\": \"" + NUL + "\"}"));
        cases.add(nul("email", "email_reply_to_id", t -> "{\"email_address\": \"a@example.com\", \"template_id\": \""
                + t.live.emailTemplate() + "\", \"personalisation\": {\"name\": \"A\"}, \"email_reply_to_id\": \"" + NUL + "\"}"));
        cases.add(nul("letter", "personalisation", t -> t.letter("\"1 High St" + NUL + "\"", "\"SW1A 1AA\"")));
        cases.add(nul("letter", "personalisation", t -> t.letter("\"1 High St\"", "\"SW1A" + NUL + "1AA\"")));
        cases.add(new Case("preview: NUL in personalisation", "POST", t -> "/v2/template/" + t.live.smsTemplate() + "/preview",
                t -> ("{\"personalisation\": {\"name\": \"A" + NUL + "\"}}").getBytes(StandardCharsets.UTF_8), Api.V2, 400,
                "ValidationError", "personalisation must not contain NUL characters"));

        // One JSON value and nothing after it.
        cases.add(v2Post("sms: trailing garbage", "/v2/notifications/sms", t -> (t.send("sms", "A") + " garbage").getBytes(StandardCharsets.UTF_8)));
        cases.add(v2Post("sms: two objects", "/v2/notifications/sms", t -> (t.send("sms", "A") + t.send("sms", "B")).getBytes(StandardCharsets.UTF_8)));
        cases.add(v2Post("email: a stray bracket", "/v2/notifications/email", t -> (t.send("email", "A") + "]").getBytes(StandardCharsets.UTF_8)));
        cases.add(v2Post("letter: trailing number", "/v2/notifications/letter", t -> (t.send("letter", "A") + " 1").getBytes(StandardCharsets.UTF_8)));

        // Ids and older_than, parsed strictly; NUL in query parameters.
        cases.add(v2Get("older_than almost a UUID", "/v2/notifications?older_than=1-1-1-1-1", "older_than is not a valid UUID"));
        cases.add(v2Get("older_than not a UUID", "/v2/notifications?older_than=xyz", "older_than is not a valid UUID"));
        cases.add(v2Get("older_than with a NUL", "/v2/notifications?older_than=" + UUID.randomUUID() + "%00",
                "older_than must not contain NUL characters"));
        cases.add(v2Get("reference with a NUL", "/v2/notifications?reference=a%00b", "reference must not contain NUL characters"));
        cases.add(v2Get("status with a NUL", "/v2/notifications?status=delivered%00", "status must not contain NUL characters"));
        cases.add(v2Get("template_type with a NUL", "/v2/notifications?template_type=%00", "template_type must not contain NUL characters"));
        cases.add(v2Get("notification id almost a UUID", "/v2/notifications/1-1-1-1-1", "notification_id is not a valid UUID"));
        cases.add(v2Get("notification id without hyphens", "/v2/notifications/" + UUID.randomUUID().toString().replace("-", ""),
                "notification_id is not a valid UUID"));
        cases.add(v2Get("notification id with a character after it", "/v2/notifications/" + UUID.randomUUID() + "a",
                "notification_id is not a valid UUID"));
        cases.add(v2Get("template id almost a UUID", "/v2/template/1-1-1-1-1", "id is not a valid UUID"));
        cases.add(v2Get("received texts older_than almost a UUID", "/v2/received-text-messages?older_than=1-2-3-4-5",
                "older_than is not a valid UUID"));
        cases.add(v2Get("received texts older_than with a NUL", "/v2/received-text-messages?older_than=%00",
                "older_than must not contain NUL characters"));

        // The admin API: bad bytes, NUL, trailing data and ids.
        cases.add(adminPost("create service: Latin-1", "/service", t -> t.serviceJson("Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1), INVALID_JSON));
        cases.add(adminPost("create service: UTF-16", "/service", t -> t.serviceJson("Cafe").getBytes(StandardCharsets.UTF_16), INVALID_JSON));
        cases.add(adminPost("create service: binary", "/service", t -> binary(), INVALID_JSON));
        cases.add(adminPost("create service: PNG", "/service", t -> png(), INVALID_JSON));
        cases.add(adminPost("create service: trailing garbage", "/service", t -> (t.serviceJson("Cafe") + "x").getBytes(StandardCharsets.UTF_8),
                INVALID_JSON));
        cases.add(adminPost("create service: NUL in name", "/service", t -> t.serviceJson("Caf" + NUL).getBytes(StandardCharsets.UTF_8),
                "must not contain NUL characters"));
        cases.add(adminPost("create template: Latin-1", "/service/{id}/template", t -> ("{\"name\": \"Caf\u00e9\", \"template_type\": "
                + "\"sms\", \"content\": \"Hi\", \"created_by\": \"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.ISO_8859_1),
                INVALID_JSON));
        cases.add(adminPost("create template: NUL in content", "/service/{id}/template", t -> ("{\"name\": \"T\", \"template_type\": "
                + "\"sms\", \"content\": \"Hi" + NUL + "\", \"created_by\": \"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8),
                "must not contain NUL characters"));
        cases.add(adminPost("create job: trailing garbage", "/service/{id}/job", t -> ("{\"id\": \"" + UUID.randomUUID()
                + "\", \"created_by\": \"" + UUID.randomUUID() + "\"} {}").getBytes(StandardCharsets.UTF_8), INVALID_JSON));
        cases.add(new Case("admin notifications: NUL in to", "GET", t -> "/service/" + t.live.id() + "/notifications?to=a%00",
                t -> null, Api.ADMIN, 400, null, "must not contain NUL characters"));
        cases.add(new Case("admin notifications: older_than almost a UUID", "GET",
                t -> "/service/" + t.live.id() + "/notifications?older_than=1-1-1-1-1", t -> null, Api.ADMIN, 400, null,
                "Not a valid UUID."));

        // The CSV upload: Notify's "cannot read this file" for anything that is not UTF-8 text.
        cases.add(csv("Latin-1", t -> "phone number,name\n07700900123,Andr\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(csv("UTF-16", t -> "phone number,name\n07700900123,Ada\n".getBytes(StandardCharsets.UTF_16)));
        cases.add(csv("binary", t -> binary()));
        cases.add(csv("PNG", t -> png()));
        cases.add(csv("xlsx", t -> xlsx()));
        cases.add(csv("a NUL in a cell", t -> "phone number,name\n07700900123,A\u0000B\n".getBytes(StandardCharsets.UTF_8)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badBytesGetA4xxInTheEndpointsEnvelopeAndChangeNothing(Case c) throws Exception {
        long notifications = count("notifications");
        long services = count("services");
        long templates = count("templates");

        String path = c.path().apply(this).replace("{id}", live.id().toString())
                .replace("{sms}", live.smsTemplate().toString());
        byte[] body = c.body().apply(this);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", c.api() == Api.V2 ? "Bearer " + Jwt.forKey(live.normalKey()) : adminToken())
                .header("Content-Type", "application/json")
                .method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        JsonNode json = mapper.readTree(response.body());
        if (c.api() == Api.V2) {
            assertThat(json.path("status_code").asInt()).isEqualTo(c.status());
            assertThat(json.at("/errors/0/error").asText()).isEqualTo(c.error());
            assertThat(json.at("/errors/0/message").asText()).isEqualTo(c.message());
        } else {
            assertThat(json.path("result").asText()).isEqualTo("error");
            assertThat(json.path("message").toString()).contains(c.message());
        }
        assertThat(count("notifications")).isEqualTo(notifications);
        assertThat(count("services")).isEqualTo(services);
        assertThat(count("templates")).isEqualTo(templates);
    }

    private static Case v2Post(String name, String path, Function<BadBytesIT, byte[]> body) {
        return new Case(name, "POST", t -> path, body, Api.V2, 400, "BadRequestError", INVALID_JSON);
    }

    private static Case v2Get(String name, String path, String message) {
        return new Case(name, "GET", t -> path, t -> null, Api.V2, 400, "ValidationError", message);
    }

    private static Case nul(String channel, String field, Function<BadBytesIT, String> json) {
        return new Case(channel + ": NUL in " + field, "POST", t -> "/v2/notifications/" + channel,
                t -> json.apply(t).getBytes(StandardCharsets.UTF_8), Api.V2, 400, "ValidationError",
                field + " must not contain NUL characters");
    }

    private static Case adminPost(String name, String path, Function<BadBytesIT, byte[]> body, String message) {
        return new Case(name, "POST", t -> path, body, Api.ADMIN, 400, null, message);
    }

    private static Case csv(String name, Function<BadBytesIT, byte[]> body) {
        return new Case("csv upload: " + name, "POST", t -> "/service/{id}/job/upload?template_id=" + t.live.smsTemplate(),
                body, Api.ADMIN, 400, null, NOT_CSV);
    }

    /** A send that would be accepted if its bytes were read as they were meant. */
    private String send(String channel, String name) {
        return switch (channel) {
            case "sms" -> sms("\"07700900123\"", "\"" + name + "\"", "");
            case "email" -> "{\"email_address\": \"someone@example.com\", \"template_id\": \"" + live.emailTemplate()
                    + "\", \"personalisation\": {\"name\": \"" + name + "\"}}";
            default -> "{\"template_id\": \"" + live.letterTemplate() + "\", \"personalisation\": {\"name\": \"" + name
                    + "\", \"address_line_1\": \"A Person\", \"address_line_2\": \"1 High St\", \"postcode\": \"SW1A 1AA\"}}";
        };
    }

    private String sms(String phone, String name, String extra) {
        return "{\"phone_number\": " + phone + ", \"template_id\": \"" + live.smsTemplate() + "\", \"personalisation\": "
                + "{\"name\": " + name + "}" + extra + "}";
    }

    private String letter(String line2, String postcode) {
        return "{\"template_id\": \"" + live.letterTemplate() + "\", \"personalisation\": {\"name\": \"A\", "
                + "\"address_line_1\": \"A Person\", \"address_line_2\": " + line2 + ", \"postcode\": " + postcode + "}}";
    }

    private String serviceJson(String name) {
        return "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"user_id\": \"" + UUID.randomUUID()
                + "\", \"message_limit\": 1000, \"restricted\": true, \"email_from\": \"cafe" + UUID.randomUUID()
                .toString().substring(0, 8) + "\", \"created_by\": \"" + UUID.randomUUID() + "\"}";
    }

    private static byte[] binary() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        out.writeBytes(binary());
        return out.toByteArray();
    }

    private static byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
        out.writeBytes("[Content_Types].xml".getBytes(Charset.forName("US-ASCII")));
        out.writeBytes(binary());
        return out.toByteArray();
    }

    private String adminToken() {
        return "Bearer " + Jwt.signed(credentials.admin().clientId(), credentials.admin().secret().split(",")[0],
                Instant.now());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
