package org.notifyhub.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.api.docs.OpenApiSpec.Example;
import org.notifyhub.api.docs.OpenApiSpec.Operation;
import org.notifyhub.inbound.InboundSms;
import org.notifyhub.inbound.InboundSmsRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The v2 OpenAPI document against the running hub: it is served as kept, names every v2 route the hub has and no
 * other, and every request example, sent to the hub with a real service's ids, is accepted with an answer that fits
 * the documented schema, as do the hub's answers to the documented reads and its errors.
 */
class OpenApiDocumentIT extends HubIntegrationTest {

    /**
     * Answers whose content the document shows as the hub gives it: for these request examples, the named fields of
     * the answer equal those of the response example of the same operation.
     */
    private record ShownAnswer(String operationId, String request, String response, List<String> fields) {
    }

    private static final List<ShownAnswer> SHOWN_ANSWERS = List.of(
            new ShownAnswer("sendEmail", "everything", "sanitised",
                    List.of("/reference", "/content/body", "/content/subject", "/content/one_click_unsubscribe_url",
                            "/sanitised_content", "/scheduled_for")),
            new ShownAnswer("sendEmail", "minimal", "sent", List.of("/reference", "/content/body", "/sanitised_content")),
            new ShownAnswer("sendLetter", "templated", "templated", List.of("/reference", "/content")),
            new ShownAnswer("sendLetter", "precompiled", "precompiled", List.of("/reference", "/postage")),
            new ShownAnswer("previewTemplate", "email", "email", List.of("/type", "/body", "/subject", "/html", "/postage")));

    private final OpenApiSpec spec = new OpenApiSpec();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private InboundSmsRepository inboundSms;
    @Value("${notify.api.max-body-bytes}")
    private int maxBodyBytes;

    private TestService service;
    private UUID smsSender;

    @BeforeEach
    void createService() {
        service = testServices.create(false, List.of("sms", "email", "letter", "broadcast"));
        smsSender = testServices.addSmsSender(service.id(), "HubDocs");
    }

    @Test
    void theServedDocumentIsTheResourceFileAndNeedsNoCredentials() throws Exception {
        HttpResponse<byte[]> yaml = get("/docs/v2/openapi.yaml", null);
        HttpResponse<byte[]> json = get("/docs/v2/openapi.json", null);

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(yaml.body()).isEqualTo(spec.yaml());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(mapper.readTree(json.body())).isEqualTo(new YAMLMapper().readTree(spec.yaml()));
    }

    @Test
    void onlyTheDocumentIsServedAndOnlyToBeRead() throws Exception {
        assertThat(post("/docs/v2/openapi.yaml", null, mapper.createObjectNode()).statusCode()).isEqualTo(405);
        assertThat(get("/docs/v2/openapi.yml", null).statusCode()).isEqualTo(404);
        assertThat(get("/docs/v2/", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDocumentNamesEveryV2RouteOfTheHubAndNoOther() {
        Set<String> routes = new TreeSet<>();
        for (RestDefinition rest : camelContext.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                if (path.startsWith("/v2/")) {
                    routes.add(verb.asVerb().toUpperCase() + " " + path);
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        spec.operations().forEach(operation -> documented.add(operation.label()));

        assertThat(routes).contains("POST /v2/notifications/sms", "GET /v2/template/{template_id}/version/{version}");
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void everyRequestExampleIsAcceptedAndEveryAnswerFitsTheDocument() throws Exception {
        List<String> notifications = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        Map<String, JsonNode> answers = new HashMap<>();
        int sent = 0;
        for (Operation operation : spec.operations()) {
            for (Example example : spec.requestExamples(operation)) {
                String path = withIds(operation, null);
                HttpResponse<byte[]> response = post(path, Jwt.forKey(service.normalKey()), withIds(example.value(), operation));
                String status = successStatus(operation);
                assertThat(response.statusCode()).as("%s: %s", example.where(), text(response))
                        .isEqualTo(Integer.parseInt(status));
                JsonNode body = mapper.readTree(response.body());
                assertThat(spec.errors(spec.responseSchema(operation, status, "application/json"), body))
                        .as("the answer to %s: %s", example.where(), body).isEmpty();
                answers.put(operation.node().get("operationId").asText() + "/" + example.name(), body);
                if (path.startsWith("/v2/notifications/")) {
                    notifications.add(body.get("id").asText());
                    if (path.endsWith("/letter")) {
                        letters.add(body.get("id").asText());
                    }
                }
                sent++;
            }
        }
        assertThat(sent).isEqualTo(8);
        assertShownAsAnswered(answers);
        receiveTextMessage();

        for (Operation operation : spec.operations()) {
            if (operation.method().equals("get")) {
                List<String> ids = !operation.path().contains("{notification_id}") ? notifications.subList(0, 1)
                        : operation.path().endsWith("/pdf") ? letters : notifications;
                for (String notification : ids) {
                    readAsDocumented(operation, notification, false);
                }
                readAsDocumented(operation, notifications.get(0), true);
            }
        }
    }

    @Test
    void theHubsErrorsFitTheDocumentedErrors() throws Exception {
        Operation sendSms = spec.operation("sendSms");
        Operation getNotification = spec.operation("getNotificationById");
        String token = Jwt.forKey(service.normalKey());

        assertFits(sendSms, post("/v2/notifications/sms", null, mapper.createObjectNode()), 401);
        assertFits(sendSms, post("/v2/notifications/sms", token, mapper.createObjectNode()), 400);
        assertFits(sendSms, post("/v2/notifications/sms", "not-a-token", mapper.createObjectNode()), 403);
        assertFits(getNotification, get("/v2/notifications/" + UUID.randomUUID(), token), 404);
        assertFits(getNotification, get("/v2/notifications/not-a-uuid", token), 400);
        assertFits(spec.operation("getLetterPdf"), get("/v2/notifications/" + UUID.randomUUID() + "/pdf", token), 404);
        ObjectNode tooLarge = mapper.createObjectNode().put("reference", "x".repeat(maxBodyBytes));
        assertFits(sendSms, post("/v2/notifications/sms", token, tooLarge), 413);
    }

    /** The fields the response examples show of these requests' answers are the hub's. */
    private void assertShownAsAnswered(Map<String, JsonNode> answers) {
        for (ShownAnswer shown : SHOWN_ANSWERS) {
            Operation operation = spec.operation(shown.operationId());
            JsonNode answer = answers.get(shown.operationId() + "/" + shown.request());
            JsonNode documented = spec.responseExamples(operation, successStatus(operation)).stream()
                    .filter(example -> example.name().equals(shown.response())).findFirst().orElseThrow().value();
            for (String field : shown.fields()) {
                assertThat(documented.at(field).isMissingNode()).as("%s shown in %s", field, shown.response()).isFalse();
                assertThat(answer.at(field)).as("%s of the answer to %s's %s example", field, shown.operationId(),
                        shown.request()).isEqualTo(documented.at(field));
            }
        }
    }

    /** A read with the ids of what was just sent, without the documented query parameters or with all their examples. */
    private void readAsDocumented(Operation operation, String notificationId, boolean withQueryExamples) throws Exception {
        String path = withIds(operation, notificationId);
        if (withQueryExamples) {
            path += queryExamples(operation);
        }
        HttpResponse<byte[]> response = get(path, Jwt.forKey(service.normalKey()));
        String status = String.valueOf(response.statusCode());
        assertThat(operation.node().path("responses").has(status)).as("%s %s answered %s: %s", operation.label(), path,
                status, text(response)).isTrue();
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0];
        if (type.equals("application/pdf")) {
            assertThat(status).isEqualTo("200");
            assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            return;
        }
        JsonNode body = mapper.readTree(response.body());
        assertThat(spec.errors(spec.responseSchema(operation, status, "application/json"), body))
                .as("the answer to %s %s: %s", operation.label(), path, body).isEmpty();
        if (!withQueryExamples && !operation.path().endsWith("/pdf")) {
            assertThat(status).as("%s %s: %s", operation.label(), path, body).isEqualTo("200");
            if (body.has("notifications")) {
                assertThat(body.get("notifications")).as("notifications listed").hasSize(6);
            }
            if (body.has("received_text_messages")) {
                assertThat(body.get("received_text_messages")).hasSize(1);
            }
        }
    }

    private void assertFits(Operation operation, HttpResponse<byte[]> response, int status) throws Exception {
        JsonNode body = mapper.readTree(response.body());
        assertThat(response.statusCode()).as("%s", body).isEqualTo(status);
        assertThat(spec.errors(spec.responseSchema(operation, String.valueOf(status), "application/json"), body))
                .as("%s", body).isEmpty();
    }

    /** The operation's path with its parameters filled in: this service's template, a notification, version 1. */
    private String withIds(Operation operation, String notificationId) {
        return operation.path()
                .replace("{template_id}", templateOf(operation).toString())
                .replace("{version}", "1")
                .replace("{notification_id}", String.valueOf(notificationId));
    }

    /** A request example with the example's ids replaced by this service's. */
    private JsonNode withIds(JsonNode example, Operation operation) {
        if (!example.isObject()) {
            return example;
        }
        ObjectNode request = example.deepCopy();
        if (request.has("template_id")) {
            request.set("template_id", TextNode.valueOf(templateOf(operation).toString()));
        }
        if (request.has("sms_sender_id")) {
            request.set("sms_sender_id", TextNode.valueOf(smsSender.toString()));
        }
        return request;
    }

    private UUID templateOf(Operation operation) {
        String path = operation.path();
        if (path.endsWith("/sms")) {
            return service.smsTemplate();
        }
        return path.endsWith("/letter") ? service.letterTemplate() : service.emailTemplate();
    }

    private String queryExamples(Operation operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = parameter.has("$ref") ? spec.resolve(parameter.get("$ref").asText().substring(1)) : parameter;
            if (resolved.path("in").asText().equals("query")) {
                JsonNode example = resolved.get("example");
                for (JsonNode value : example.isArray() ? example : List.of(example)) {
                    pairs.add(resolved.get("name").asText() + "=" + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
                }
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String successStatus(Operation operation) {
        return operation.node().path("responses").has("201") ? "201" : "200";
    }

    private void receiveTextMessage() {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        inboundSms.insert(new InboundSms(UUID.randomUUID(), now, service.id(), "07700900555", "447700900111", "mmg", now,
                "provider-ref", "Yes please"));
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        return send(request, token);
    }

    /** A JSON body, or a text example (a CAP document) sent as it is. */
    private HttpResponse<byte[]> post(String path, String token, JsonNode body) throws Exception {
        boolean cap = body.isTextual();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", cap ? "application/cap+xml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cap ? body.asText().getBytes(StandardCharsets.UTF_8)
                        : mapper.writeValueAsBytes(body)));
        return send(request, token);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
