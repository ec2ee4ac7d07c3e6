package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Starting and stopping a route through Jolokia (as hawtio's buttons do) needs the operator credentials: refused on a
 * node without them, done on a node with them. Reading a route's XML, which hawtio draws its diagram from, needs none.
 */
class JolokiaRouteControlIT extends HubIntegrationTest {

    private static final String ROUTE = "get-openapi-json";
    private static final String ROUTE_MBEAN = "org.apache.camel:context=notify-hub,type=routes,name=\"" + ROUTE + "\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private CamelContext camel;

    @Autowired
    private Environment environment;

    @Test
    void withoutCredentialsARouteCannotBeStoppedButItsDiagramCanBeRead() throws Exception {
        JsonNode stop = post(baseUrl(), null, exec("stop()"));

        assertThat(stop.path("status").asInt()).as(stop.toString()).isEqualTo(403);
        assertThat(camel.getRouteController().getRouteStatus(ROUTE).isStarted()).isTrue();

        JsonNode xml = post(baseUrl(), null, Map.of("type", "exec", "mbean", "org.apache.camel:context=notify-hub,type=context,name=\"notify-hub\"",
                "operation", "dumpRoutesAsXml()"));
        assertThat(xml.path("status").asInt()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.path("value").asText()).contains("id=\"deliver-sms\"");
    }

    @Test
    void withTheOperatorCredentialsARouteStopsAndStartsAgain() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(ExtraNode.sharingInfrastructureOf(environment));
        properties.put("notify.roles", "api");
        properties.put("notify.ops.username", "operator");
        properties.put("notify.ops.password", "ops-secret");
        try (ExtraNode node = ExtraNode.start("jolokia-ops", properties)) {
            String operator = "operator:ops-secret";
            assertThat(http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/jolokia"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(exec("stop()")))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);

            JsonNode stop = post(node.baseUrl(), operator, exec("stop()"));
            assertThat(stop.path("status").asInt()).as(stop.toString()).isEqualTo(200);
            assertThat(state(node, operator)).isEqualTo("Stopped");

            JsonNode start = post(node.baseUrl(), operator, exec("start()"));
            assertThat(start.path("status").asInt()).as(start.toString()).isEqualTo(200);
            assertThat(state(node, operator)).isEqualTo("Started");
            assertThat(node.status("GET", "/docs/v2/openapi.json")).isEqualTo(200);
        }
    }

    private String state(ExtraNode node, String operator) throws Exception {
        return post(node.baseUrl(), operator, Map.of("type", "read", "mbean", ROUTE_MBEAN, "attribute", "State"))
                .path("value").asText();
    }

    private static Map<String, Object> exec(String operation) {
        return Map.of("type", "exec", "mbean", ROUTE_MBEAN, "operation", operation);
    }

    private JsonNode post(String base, String credentials, Map<String, Object> request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/actuator/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request)));
        if (credentials != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return mapper.readTree(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
