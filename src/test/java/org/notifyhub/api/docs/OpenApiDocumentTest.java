package org.notifyhub.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.notifyhub.api.docs.OpenApiSpec.Example;
import org.notifyhub.api.docs.OpenApiSpec.Operation;
import org.notifyhub.api.v2.schemas.RequestSchema;
import org.notifyhub.api.v2.schemas.SendSchemas;

/**
 * The v2 OpenAPI document on its own: valid OpenAPI, an example of every request and answer, each example fitting the
 * document's schema, and the send requests' fields and examples those of the hub's own request schemas.
 * (OpenApiDocumentIT holds the document to the running hub: its routes, its answers, what it serves.)
 */
class OpenApiDocumentTest {

    private static final Map<String, RequestSchema> SEND_SCHEMAS = Map.of(
            "SmsRequest", SendSchemas.SMS,
            "EmailRequest", SendSchemas.EMAIL,
            "LetterRequest", SendSchemas.LETTER,
            "PrecompiledLetterRequest", SendSchemas.PRECOMPILED_LETTER);

    private final OpenApiSpec spec = new OpenApiSpec();

    @Test
    void theDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(new String(spec.yaml(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("notifyApiKeyJwt").getBearerFormat())
                .isEqualTo("JWT");
    }

    @Test
    void everyOperationHasARequestExampleAndAResponseExample() {
        for (Operation operation : spec.operations()) {
            boolean parameterExample = false;
            for (JsonNode parameter : operation.node().path("parameters")) {
                parameterExample |= resolved(parameter).has("example");
            }
            assertThat(parameterExample || !spec.requestExamples(operation).isEmpty())
                    .as("a request example for %s", operation.label()).isTrue();
            assertThat(responseExamples(operation)).as("response examples of %s", operation.label()).isNotEmpty();
            assertThat(operation.node().path("responses").has("200") || operation.node().path("responses").has("201"))
                    .as("a success response for %s", operation.label()).isTrue();
        }
    }

    @Test
    void everyExampleFitsItsSchema() {
        List<Example> examples = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            examples.addAll(spec.requestExamples(operation));
            examples.addAll(responseExamples(operation));
            for (int i = 0; i < operation.node().path("parameters").size(); i++) {
                String parameter = spec.target(operation.pointer() + "/parameters/" + i);
                JsonNode value = spec.document().at(parameter + "/example");
                if (!value.isMissingNode()) {
                    examples.add(new Example("parameter", operation.label() + " parameter " + i, value,
                            parameter + "/schema"));
                }
            }
        }
        spec.document().at("/components/schemas").fields().forEachRemaining(schema -> {
            int i = 0;
            for (JsonNode value : schema.getValue().path("examples")) {
                examples.add(new Example(String.valueOf(i), "schema " + schema.getKey() + " example " + i++, value,
                        "/components/schemas/" + schema.getKey()));
            }
        });

        assertThat(examples).hasSizeGreaterThan(30);
        for (Example example : examples) {
            assertThat(spec.errors(example.schemaPointer(), example.value())).as(example.where()).isEmpty();
        }
    }

    @Test
    void everyErrorExampleCarriesItsResponsesStatus() {
        int errorExamples = 0;
        for (Operation operation : spec.operations()) {
            for (String status : statuses(operation)) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    for (Example example : spec.responseExamples(operation, status)) {
                        assertThat(example.value().get("status_code").asInt()).as(example.where())
                                .isEqualTo(Integer.parseInt(status));
                        errorExamples++;
                    }
                }
            }
        }
        assertThat(errorExamples).isGreaterThan(50);
    }

    @Test
    void theSendRequestSchemasNameTheHubsFields() {
        SEND_SCHEMAS.forEach((name, hub) -> {
            JsonNode documented = spec.document().at("/components/schemas/" + name);
            Set<String> properties = new TreeSet<>();
            documented.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            documented.get("required").forEach(field -> required.add(field.asText()));

            assertThat(properties).as("properties of %s", name).isEqualTo(new TreeSet<>(hub.properties()));
            assertThat(required).as("required properties of %s", name).isEqualTo(new TreeSet<>(hub.requiredProperties()));
            assertThat(documented.get("additionalProperties").asBoolean(true)).as("%s is closed, as the hub's", name)
                    .isFalse();
        });
    }

    @Test
    void everySendRequestExamplePassesTheHubsOwnSchema() {
        Map<String, List<RequestSchema>> byOperation = Map.of(
                "sendSms", List.of(SendSchemas.SMS),
                "sendEmail", List.of(SendSchemas.EMAIL),
                "sendLetter", List.of(SendSchemas.LETTER, SendSchemas.PRECOMPILED_LETTER));
        int checked = 0;
        for (Map.Entry<String, List<RequestSchema>> entry : byOperation.entrySet()) {
            for (Example example : spec.requestExamples(spec.operation(entry.getKey()))) {
                // As the hub's letter intake: a body with content is a precompiled letter.
                RequestSchema schema = example.value().has("content") && entry.getValue().size() > 1
                        ? entry.getValue().get(1) : entry.getValue().get(0);
                assertThatCode(() -> schema.validate(example.value())).as(example.where()).doesNotThrowAnyException();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
    }

    private List<Example> responseExamples(Operation operation) {
        List<Example> examples = new ArrayList<>();
        statuses(operation).forEach(status -> examples.addAll(spec.responseExamples(operation, status)));
        return examples;
    }

    private static List<String> statuses(Operation operation) {
        List<String> statuses = new ArrayList<>();
        operation.node().path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private JsonNode resolved(JsonNode node) {
        return node.has("$ref") ? spec.resolve(node.get("$ref").asText().substring(1)) : node;
    }
}
