package org.notifyhub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;

/** What an operator sees: health of every dependency, per-route metrics and hawtio listing every route. */
class OperationsIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private CamelContext camel;

    @Test
    void healthReportsDatabaseQueuesAndObjectStore() throws Exception {
        // Right after start-up a consumer's first poll may still be on its way.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> get("/actuator/health").statusCode() == 200);
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = mapper.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"db", "queues", "objectStore"}) {
            assertThat(health.path("components").path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
    }

    @Test
    void prometheusShowsPerRouteExchangeCounts() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());
        client.sendEmail(credentials.templates().email().toString(), "metrics@example.com",
                Map.of("name", "Metrics", "reference", "M1"), null);

        String metrics = get("/actuator/prometheus").body();

        assertThat(exchangesTotal(metrics, "post-email-notification")).isGreaterThanOrEqualTo(1.0);
        assertThat(exchangesTotal(metrics, "deliver-email")).isNotNull();
        assertThat(metrics).containsPattern("(?m)^notifications_api_POST_v2_notifications_post_notification_201_seconds_count\\{[^}]*\\} [1-9]");
    }

    @Test
    void hawtioIsServedAndItsJolokiaListsEveryRoute() throws Exception {
        HttpResponse<String> console = get("/actuator/hawtio/");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/actuator/hawtio/camel/routes"));
        assertThat(get("/actuator/hawtio/camel/routes").statusCode()).isEqualTo(200);

        HttpResponse<String> search = get("/actuator/jolokia/search/org.apache.camel:type=routes,*");
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode names = mapper.readTree(search.body()).path("value");
        Set<String> listed = new TreeSet<>();
        names.forEach(name -> listed.add(name.asText().replaceAll(".*name=\"?([^\",]+)\"?.*", "$1")));

        Set<String> routeIds = new TreeSet<>(camel.getRoutes().stream().map(Route::getRouteId).toList());
        assertThat(routeIds).contains("deliver-email", "post-email-notification", "process-ses-result");
        assertThat(listed).containsAll(routeIds);
    }

    @Test
    void responsesCarryNotifysCorsHeadersAndNeverEchoTheCallersToken() throws Exception {
        String token = org.notifyhub.support.Jwt.forKey(credentials.apiKeys().normal());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/notifications"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type,Authorization");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,PUT,POST,DELETE");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("authorization")
                || name.equalsIgnoreCase("notifyApiKey"));
        assertThat(response.headers().map().values().toString()).doesNotContain(token);
    }

    private static Double exchangesTotal(String prometheus, String routeId) {
        return prometheus.lines()
                .filter(line -> line.startsWith("camel_exchanges_total{") && line.contains("routeId=\"" + routeId + "\""))
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No camel_exchanges_total for route " + routeId + " in:\n" + prometheus));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
