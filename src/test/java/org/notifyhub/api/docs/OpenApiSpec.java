package org.notifyhub.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/**
 * The v2 OpenAPI document as the tests read it, with a JSON-schema validator over its schemas. The validator reads
 * every object schema as closed (no properties but those listed, unless the schema says otherwise), so an example or
 * a real answer with a key the document does not name (a renamed field) fails; the document itself stays open, as
 * Notify's API may add keys.
 */
final class OpenApiSpec {

    static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private static final String DOCUMENT_URI = "https://notify-hub.test/docs/v2/openapi.json";
    private static final Set<String> INSTANCE_KEYS = Set.of("example", "examples", "value");

    /** One operation of the document. */
    record Operation(String method, String path, JsonNode node) {

        String pointer() {
            return "/paths/" + escape(path) + "/" + method;
        }

        String label() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** An example of a media type: where it is, its value, and the pointer of the schema it must fit. */
    record Example(String name, String where, JsonNode value, String schemaPointer) {
    }

    private final byte[] yaml;
    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    OpenApiSpec() {
        try (InputStream in = new ClassPathResource(OpenApiDocument.RESOURCE).getInputStream()) {
            yaml = in.readAllBytes();
            document = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String closed = closed(document.deepCopy()).toString();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, closed))));
    }

    byte[] yaml() {
        return yaml.clone();
    }

    JsonNode document() {
        return document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    Operation operation(String operationId) {
        return operations().stream().filter(op -> op.node().path("operationId").asText().equals(operationId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No operation " + operationId));
    }

    /** The node a pointer names, following a {@code $ref} there (and in what it names) within the document. */
    JsonNode resolve(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("Nothing at " + pointer);
        }
        return node.has("$ref") ? resolve(refPointer(node)) : node;
    }

    /** The pointer a node's {@code $ref} names, or the given pointer when it has none. */
    String target(String pointer) {
        JsonNode node = document.at(pointer);
        return node.has("$ref") ? target(refPointer(node)) : pointer;
    }

    /** Every example of an operation's request body, or of one of its responses, with the schema it must fit. */
    List<Example> requestExamples(Operation operation) {
        String body = operation.pointer() + "/requestBody";
        return document.at(body).isMissingNode() ? List.of() : examples(target(body) + "/content", operation.label());
    }

    List<Example> responseExamples(Operation operation, String status) {
        return examples(target(operation.pointer() + "/responses/" + status) + "/content",
                operation.label() + " " + status);
    }

    /** The pointer of the schema of a response's media type. */
    String responseSchema(Operation operation, String status, String mediaType) {
        return target(operation.pointer() + "/responses/" + status) + "/content/" + escape(mediaType) + "/schema";
    }

    /** What makes an instance not fit the schema at a pointer (empty when it fits). */
    List<String> errors(String schemaPointer, JsonNode instance) {
        Set<ValidationMessage> messages = factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + schemaPointer), config)
                .validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private List<Example> examples(String contentPointer, String label) {
        List<Example> examples = new ArrayList<>();
        JsonNode content = document.at(contentPointer);
        content.fields().forEachRemaining(media -> {
            String mediaPointer = contentPointer + "/" + escape(media.getKey());
            media.getValue().path("examples").fieldNames().forEachRemaining(name -> {
                JsonNode example = resolve(mediaPointer + "/examples/" + escape(name));
                examples.add(new Example(name, label + " " + media.getKey() + " example " + name, example.get("value"),
                        mediaPointer + "/schema"));
            });
        });
        return examples;
    }

    private static String refPointer(JsonNode node) {
        String ref = node.get("$ref").asText();
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only references within the document are read: " + ref);
        }
        return ref.substring(1);
    }

    /** Every schema with properties and no word on others is closed; instances (examples) are left as they are. */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!INSTANCE_KEYS.contains(field.getKey())) {
                    closed(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiSpec::closed);
        }
        return node;
    }
}
