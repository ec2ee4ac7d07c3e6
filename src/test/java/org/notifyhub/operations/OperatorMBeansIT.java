package org.notifyhub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ManagementMBeansLevel;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub registers only the MBeans an operator uses (the context, routes, their consumers, endpoints and thread
 * pools), so hawtio's views and Jolokia's list stay small.
 */
class OperatorMBeansIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private CamelContext camel;

    @Test
    void camelRegistersRoutesConsumersAndEndpointsButNotItsInternals() throws Exception {
        Map<String, Integer> byType = camelMBeansByType();
        System.out.println("Camel MBeans by type: " + byType);

        assertThat(byType).containsKeys("context", "routes", "routegroups", "consumers", "endpoints", "threadpools");
        assertThat(byType).doesNotContainKeys("processors", "services", "dataformats", "producers");
        assertThat(byType.get("routes")).isGreaterThan(100);
    }

    @Test
    void camelKeepsNoPerProcessorManagement() {
        // jmxManagementMBeansLevel as application.yml spells it takes effect: no processor is instrumented for JMX.
        assertThat(camel.getManagementStrategy().getManagementAgent().getMBeansLevel())
                .isEqualTo(ManagementMBeansLevel.RoutesOnly);
    }

    @Test
    void jolokiasFullListStaysSmallEnoughForTheBrowser() throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/jolokia/list"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        int camelMBeans = camelMBeansByType().values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Jolokia list: %,d bytes, %d Camel MBeans%n", list.body().length(), camelMBeans);

        assertThat(list.statusCode()).isEqualTo(200);
        // per route, so the bound holds as routes are added: 68 KB each when Camel registered everything (14.1 MB for
        // 208 routes), ~25 KB with only what operators use
        assertThat(list.body().length() / camel.getRoutes().size()).isLessThan(30_000);
    }

    private Map<String, Integer> camelMBeansByType() throws Exception {
        HttpResponse<String> search = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/actuator/jolokia/search/org.apache.camel:*")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode names = mapper.readTree(search.body()).path("value");
        Map<String, Integer> byType = new TreeMap<>();
        names.forEach(name -> byType.merge(name.asText().replaceAll(".*[:,]type=([^,]+).*", "$1"), 1, Integer::sum));
        return byType;
    }
}
