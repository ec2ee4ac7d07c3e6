package org.notifyhub.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document of the v2 API, kept as YAML on the classpath and served as it is or as JSON. It holds no data,
 * so it is public. Read once at startup: a document that does not parse stops the hub from starting.
 */
@Component
public class OpenApiDocument {

    public static final String RESOURCE = "docs/v2/openapi.yaml";

    private final byte[] yaml;
    private final byte[] json;

    public OpenApiDocument(ObjectMapper mapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            yaml = in.readAllBytes();
            JsonNode document = new YAMLMapper().readTree(yaml);
            json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    public byte[] json() {
        return json.clone();
    }
}
