package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;

/**
 * The local default (the test context) has no operator credentials: Jolokia there may read, list and search, but
 * never run an operation or write an attribute. Camel's sendBody to a file: endpoint would write a file as the hub.
 */
class JolokiaAccessIT extends HubIntegrationTest {

    private static final String SEND_BODY = "sendBody(java.lang.String,java.lang.Object)";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anExecOfACamelOperationPostedWithoutCredentialsIsRefused() throws Exception {
        Path folder = Files.createTempDirectory("jolokia-exec-post-");
        Map<String, Object> exec = Map.of("type", "exec", "mbean", camelContextMBean(), "operation", SEND_BODY,
                "arguments", List.of("file:" + folder + "?fileName=written.txt", "written through Jolokia"));

        JsonNode answer = post(exec);

        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
        assertThat(folder.resolve("written.txt")).doesNotExist();
    }

    @Test
    void anExecOfACamelOperationInTheGetFormWithoutCredentialsIsRefused() throws Exception {
        Path folder = Files.createTempDirectory("jolokia-exec-get-");
        String path = "/actuator/jolokia/exec/" + escape(camelContextMBean()) + "/" + SEND_BODY + "/"
                + escape("file:" + folder) + "/written";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode answer = mapper.readTree(response.body());
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
        try (var written = Files.list(folder)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void aWriteWithoutCredentialsIsRefused() throws Exception {
        boolean verboseBefore = ManagementFactory.getMemoryMXBean().isVerbose();
        try {
            JsonNode answer = post(Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose",
                    "value", !verboseBefore));

            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
            assertThat(ManagementFactory.getMemoryMXBean().isVerbose()).isEqualTo(verboseBefore);
        } finally {
            ManagementFactory.getMemoryMXBean().setVerbose(verboseBefore);
        }
    }

    @Test
    void readsStillWorkWithoutCredentials() throws Exception {
        JsonNode answer = post(Map.of("type", "read", "mbean", camelContextMBean(), "attribute", "State"));

        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.path("value").asText()).isEqualTo("Started");
    }

    @Test
    void hawtiosMBeanTreeStillLoadsWithoutCredentials() throws Exception {
        JsonNode answer = post(Map.of("type", "exec", "mbean", "hawtio:type=security,name=RBACRegistry", "operation", "list()"));

        assertThat(answer.path("status").asInt()).as(answer.toString().substring(0, Math.min(300, answer.toString().length()))).isEqualTo(200);
        assertThat(answer.path("value").path("domains").has("org.apache.camel")).isTrue();
    }

    private String camelContextMBean() throws Exception {
        JsonNode found = post(Map.of("type", "search", "mbean", "org.apache.camel:type=context,*"));
        assertThat(found.path("value").size()).as(found.toString()).isEqualTo(1);
        return found.path("value").get(0).asText();
    }

    private JsonNode post(Map<String, Object> request) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(response.body());
    }

    /** Jolokia's GET form escapes "/" inside a part as "!/" (and "!" as "!!"); the rest is URL-encoded. */
    private static String escape(String part) {
        String jolokia = part.replace("!", "!!").replace("/", "!/");
        return URLEncoder.encode(jolokia, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%2F", "/");
    }
}
