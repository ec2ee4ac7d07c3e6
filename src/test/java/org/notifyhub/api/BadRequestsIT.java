package org.notifyhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The bad-input suite for the API: every field of every send given what it must not take (a wrong JSON type, an
 * empty or malformed value, an id that names nothing or the wrong thing, a property Notify does not know), the
 * lookups given bad filters and ids, and requests without valid credentials. Each gets a 4xx in its endpoint's
 * envelope and changes nothing. BadBytesIT covers bytes that are not text; ChunkedBodyLimitIT bodies over the limit;
 * EdgeErrorsIT what fails before any route.
 */
class BadRequestsIT extends HubIntegrationTest {

    private static TestService live;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void service() {
        if (live == null) {
            live = testServices.create(false, List.of("email", "sms", "letter"));
        }
    }

    /** A request: its method, path and body (with {sms}, {email}, {letter}, {service} filled in) and its key. */
    record Case(String name, String method, String path, String body, Function<TestService, String> authorization,
                boolean admin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, Map<String, String>> sends = new LinkedHashMap<>();
        sends.put("sms", fields("phone_number", "\"07700900123\"", "template_id", "\"{sms}\"",
                "personalisation", "{\"name\": \"Ada\"}", "reference", "\"ref\""));
        sends.put("email", fields("email_address", "\"ada@example.com\"", "template_id", "\"{email}\"",
                "personalisation", "{\"name\": \"Ada\"}", "reference", "\"ref\""));
        sends.put("letter", fields("template_id", "\"{letter}\"", "personalisation", "{\"name\": \"Ada\", "
                + "\"address_line_1\": \"Ada Lovelace\", \"address_line_2\": \"1 High Street\", \"postcode\": \"SW1A 1AA\"}",
                "reference", "\"ref\""));
        List<String> wrongTypes = List.of("null", "1", "true", "[]", "{}");
        for (Map.Entry<String, Map<String, String>> send : sends.entrySet()) {
            String channel = send.getKey();
            String path = "/v2/notifications/" + channel;
            Map<String, String> good = send.getValue();
            for (String field : good.keySet()) {
                if (!field.equals("reference")) {
                    cases.add(v2Post(channel + ": without " + field, path, json(good, field, null)));
                }
                for (String wrong : wrongTypes) {
                    if (field.equals("personalisation") && wrong.equals("{}") && channel.equals("letter")) {
                        continue;
                    }
                    if (field.equals("personalisation") && (wrong.equals("{}") || wrong.equals("null"))
                            && !channel.equals("letter")) {
                        continue;
                    }
                    if (field.equals("reference") && wrong.equals("null")) {
                        continue;
                    }
                    cases.add(v2Post(channel + ": " + field + " = " + wrong, path, json(good, field, wrong)));
                }
            }
            cases.add(v2Post(channel + ": an unknown property", path, json(good, "colour", "\"blue\"")));
            cases.add(v2Post(channel + ": template_id not a UUID", path, json(good, "template_id", "\"not-a-uuid\"")));
            cases.add(v2Post(channel + ": template_id empty", path, json(good, "template_id", "\"\"")));
            cases.add(v2Post(channel + ": a template that does not exist", path,
                    json(good, "template_id", "\"" + UUID.randomUUID() + "\"")));
            cases.add(v2Post(channel + ": a body that is an array", path, "[" + json(good, null, null) + "]"));
            cases.add(v2Post(channel + ": a body that is a string", path, "\"hello\""));
            cases.add(v2Post(channel + ": an empty body", path, ""));
            cases.add(v2Post(channel + ": an empty object", path, "{}"));
            cases.add(v2Post(channel + ": scheduled_for not a date", path, json(good, "scheduled_for", "\"tomorrow\"")));
            cases.add(v2Post(channel + ": scheduled_for in the past", path,
                    json(good, "scheduled_for", "\"2001-01-01 12:00\"")));
        }
        // A template of another channel, and personalisation that leaves a placeholder out.
        cases.add(v2Post("sms: an email template", "/v2/notifications/sms", json(sends.get("sms"), "template_id", "\"{email}\"")));
        cases.add(v2Post("email: a letter template", "/v2/notifications/email",
                json(sends.get("email"), "template_id", "\"{letter}\"")));
        cases.add(v2Post("letter: an sms template", "/v2/notifications/letter",
                json(sends.get("letter"), "template_id", "\"{sms}\"")));
        cases.add(v2Post("sms: personalisation without its placeholder", "/v2/notifications/sms",
                json(sends.get("sms"), "personalisation", "{\"other\": \"x\"}")));
        cases.add(v2Post("email: personalisation without its placeholder", "/v2/notifications/email",
                json(sends.get("email"), "personalisation", "{\"other\": \"x\"}")));
        // Recipients that are not recipients.
        for (String phone : List.of("\"\"", "\"not a number\"", "\"0770090012\"", "\"077009001234567\"", "\"07700 90012a\"",
                "\"+\"", "\"+44\"", "\"+999 123 456\"", "\"0800 123 4567\"", "\"447700900123456789\"")) {
            cases.add(v2Post("sms: phone_number " + phone, "/v2/notifications/sms", json(sends.get("sms"), "phone_number", phone)));
        }
        for (String email : List.of("\"\"", "\"ada\"", "\"ada@\"", "\"@example.com\"", "\"ada@example\"", "\"ada lovelace@example.com\"",
                "\"ada@example..com\"", "\"ada@@example.com\"", "\"ada@.example.com\"", "\"ada@example.com.\"")) {
            cases.add(v2Post("email: email_address " + email, "/v2/notifications/email",
                    json(sends.get("email"), "email_address", email)));
        }
        cases.add(v2Post("sms: sms_sender_id not a UUID", "/v2/notifications/sms", json(sends.get("sms"), "sms_sender_id", "\"x\"")));
        cases.add(v2Post("sms: an sms_sender_id that does not exist", "/v2/notifications/sms",
                json(sends.get("sms"), "sms_sender_id", "\"" + UUID.randomUUID() + "\"")));
        cases.add(v2Post("email: email_reply_to_id not a UUID", "/v2/notifications/email",
                json(sends.get("email"), "email_reply_to_id", "\"x\"")));
        cases.add(v2Post("email: an email_reply_to_id that does not exist", "/v2/notifications/email",
                json(sends.get("email"), "email_reply_to_id", "\"" + UUID.randomUUID() + "\"")));
        cases.add(v2Post("letter: one address line", "/v2/notifications/letter", json(sends.get("letter"), "personalisation",
                "{\"name\": \"Ada\", \"address_line_1\": \"Ada Lovelace\"}")));
        cases.add(v2Post("precompiled letter: content not base64", "/v2/notifications/letter",
                "{\"reference\": \"r\", \"content\": \"not base64 at all!\"}"));
        cases.add(v2Post("precompiled letter: content empty", "/v2/notifications/letter",
                "{\"reference\": \"r\", \"content\": \"\"}"));
        cases.add(v2Post("precompiled letter: without reference", "/v2/notifications/letter", "{\"content\": \"aGVsbG8=\"}"));
        cases.add(v2Post("precompiled letter: postage not a class", "/v2/notifications/letter",
                "{\"reference\": \"r\", \"content\": \"aGVsbG8=\", \"postage\": \"third\"}"));

        // Lookups: filters and ids that name nothing.
        for (String query : List.of("status=bogus", "template_type=fax", "older_than=not-a-uuid", "include_jobs=perhaps",
                "template_type=sms&status=nonsense", "status=delivered&status=bogus")) {
            cases.add(v2Get("list: " + query, "/v2/notifications?" + query));
        }
        cases.add(v2Get("by id: a notification that does not exist", "/v2/notifications/" + UUID.randomUUID()));
        cases.add(v2Get("by id: not a UUID", "/v2/notifications/not-a-uuid"));
        cases.add(v2Get("letter pdf: a notification that does not exist", "/v2/notifications/" + UUID.randomUUID() + "/pdf"));
        cases.add(v2Get("template: one that does not exist", "/v2/template/" + UUID.randomUUID()));
        cases.add(v2Get("template: a version that is not a number", "/v2/template/{sms}/version/abc"));
        cases.add(v2Get("template: a version that does not exist", "/v2/template/{sms}/version/99"));
        cases.add(v2Get("templates: a type that does not exist", "/v2/templates?type=fax"));
        cases.add(v2Get("received texts: older_than not a UUID", "/v2/received-text-messages?older_than=x"));
        cases.add(new Case("preview: personalisation not an object", "POST", "/v2/template/{sms}/preview",
                "{\"personalisation\": \"Ada\"}", BadRequestsIT::bearer, false));
        cases.add(new Case("preview: a template that does not exist", "POST", "/v2/template/" + UUID.randomUUID() + "/preview",
                "{\"personalisation\": {\"name\": \"Ada\"}}", BadRequestsIT::bearer, false));

        // Credentials.
        String sms = json(sends.get("sms"), null, null);
        cases.add(new Case("auth: none", "POST", "/v2/notifications/sms", sms, t -> null, false));
        cases.add(new Case("auth: not a bearer token", "POST", "/v2/notifications/sms", sms, t -> "Basic YTpi", false));
        cases.add(new Case("auth: an empty bearer token", "POST", "/v2/notifications/sms", sms, t -> "Bearer ", false));
        cases.add(new Case("auth: a token that is not a JWT", "POST", "/v2/notifications/sms", sms, t -> "Bearer abc.def", false));
        cases.add(new Case("auth: a token signed with another secret", "POST", "/v2/notifications/sms", sms,
                t -> "Bearer " + Jwt.signed(Jwt.serviceId(t.normalKey()), "another-secret-entirely", Instant.now()), false));
        cases.add(new Case("auth: a token issued for a service that does not exist", "POST", "/v2/notifications/sms", sms,
                t -> "Bearer " + Jwt.signed(UUID.randomUUID().toString(), "secret-of-nobody", Instant.now()), false));
        cases.add(new Case("auth: a token from an hour ago", "POST", "/v2/notifications/sms", sms,
                t -> "Bearer " + Jwt.signed(Jwt.serviceId(t.normalKey()), Jwt.secret(t.normalKey()),
                        Instant.now().minusSeconds(3600)), false));
        cases.add(new Case("auth: a token from the future", "POST", "/v2/notifications/sms", sms,
                t -> "Bearer " + Jwt.signed(Jwt.serviceId(t.normalKey()), Jwt.secret(t.normalKey()),
                        Instant.now().plusSeconds(3600)), false));
        cases.add(new Case("auth: a lookup without a token", "GET", "/v2/notifications", null, t -> null, false));
        cases.add(new Case("auth: an admin call with a service's key", "GET", "/service/{service}", null,
                BadRequestsIT::bearer, true));
        cases.add(new Case("auth: an admin call without a token", "POST", "/service", "{}", t -> null, true));

        // The admin API: bodies that are not what the endpoint takes.
        for (String body : List.of("{}", "[]", "\"service\"", "{\"name\": 1}", "{\"name\": \"\"}",
                "{\"name\": \"A\", \"message_limit\": \"lots\"}")) {
            cases.add(new Case("admin create service: " + body, "POST", "/service", body, BadRequestsIT::admin, true));
        }
        for (String body : List.of("{}", "{\"name\": \"T\"}", "{\"name\": \"T\", \"template_type\": \"fax\", \"content\": \"x\"}",
                "{\"name\": \"T\", \"template_type\": \"sms\"}", "[]")) {
            cases.add(new Case("admin create template: " + body, "POST", "/service/{service}/template", body,
                    BadRequestsIT::admin, true));
        }
        cases.add(new Case("admin: a service that does not exist", "GET", "/service/" + UUID.randomUUID(), null,
                BadRequestsIT::admin, true));
        cases.add(new Case("admin: a service id that is not a UUID", "GET", "/service/not-a-uuid", null,
                BadRequestsIT::admin, true));
        cases.add(new Case("admin: a template that does not exist", "GET", "/service/{service}/template/" + UUID.randomUUID(),
                null, BadRequestsIT::admin, true));
        cases.add(new Case("admin create api key: {}", "POST", "/service/{service}/api-key", "{}", BadRequestsIT::admin, true));
        cases.add(new Case("admin create job: {}", "POST", "/service/{service}/job", "{}", BadRequestsIT::admin, true));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRequestGetsA4xxInItsEndpointsEnvelopeAndChangesNothing(Case c) throws Exception {
        long notifications = count("notifications");
        long services = count("services");
        long templates = count("templates");
        long keys = count("api_keys");

        String path = fill(c.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(fill(c.body())));
        String authorization = c.authorization().apply(live);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        JsonNode json = mapper.readTree(response.body());
        if (c.admin()) {
            assertThat(json.path("result").asText()).as(response.body()).isEqualTo("error");
            assertThat(json.has("message")).as(response.body()).isTrue();
        } else {
            assertThat(json.path("status_code").asInt()).as(response.body()).isEqualTo(response.statusCode());
            assertThat(json.at("/errors/0/error").asText()).as(response.body()).isNotBlank();
            assertThat(json.at("/errors/0/message").asText()).as(response.body()).isNotBlank();
        }
        assertThat(count("notifications")).isEqualTo(notifications);
        assertThat(count("services")).isEqualTo(services);
        assertThat(count("templates")).isEqualTo(templates);
        assertThat(count("api_keys")).isEqualTo(keys);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** The good send with {@code field} set to {@code value} (raw JSON), or left out when value is null. */
    private static String json(Map<String, String> good, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(good);
        if (field != null) {
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, raw) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name).append("\": ")
                .append(raw));
        return json.append('}').toString();
    }

    private static Case v2Post(String name, String path, String body) {
        return new Case(name, "POST", path, body, BadRequestsIT::bearer, false);
    }

    private static Case v2Get(String name, String path) {
        return new Case(name, "GET", path, null, BadRequestsIT::bearer, false);
    }

    private static String bearer(TestService service) {
        return "Bearer " + Jwt.forKey(service.normalKey());
    }

    private static String admin(TestService service) {
        return ADMIN_TOKEN.get();
    }

    private static final ThreadLocal<String> ADMIN_TOKEN = new ThreadLocal<>();

    @BeforeEach
    void adminToken() {
        ADMIN_TOKEN.set("Bearer " + Jwt.signed(credentials.admin().clientId(),
                credentials.admin().secret().split(",")[0], Instant.now()));
    }

    private String fill(String text) {
        return text.replace("{sms}", live.smsTemplate().toString()).replace("{email}", live.emailTemplate().toString())
                .replace("{letter}", live.letterTemplate().toString()).replace("{service}", live.id().toString());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
