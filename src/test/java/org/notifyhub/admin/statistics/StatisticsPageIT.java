package org.notifyhub.admin.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.notifyhub.billing.BillingFacts;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.statistics.SentNotifications;
import org.notifyhub.support.BrowserScripts;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The statistics page as a person opens it: closed without the operators' credentials (the suite's node has none set),
 * and on a node with them, rendered in headless Chromium with a chart whose bars are the day's hand-counted sends. The
 * screenshot stays under target/statistics as an artifact.
 */
class StatisticsPageIT extends HubIntegrationTest {

    private static final Path SCREENSHOT = Path.of("target/statistics/service-statistics.png");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ApplicationContext hub;

    @Autowired
    private Environment environment;

    @Test
    void withoutTheOperatorsCredentialsNothingIsShown() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        for (String path : List.of("/statistics/service/" + service.id(), "/statistics/service/" + service.id() + "/data",
                "/statistics/service/" + service.id() + "/spend", "/statistics/chart.umd.js")) {
            assertThat(get(baseUrl() + path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(baseUrl() + path, "operator:guess").statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void thePageDrawsEachDaysSendsByStatus() throws Exception {
        BrowserScripts.ensureInstalled();
        SentNotifications sent = new SentNotifications(hub);
        TestService service = testServices.create(false, List.of("sms", "email", "letter"));
        LocalDate today = sent.today();
        LocalDateTime twoDaysAgo = LondonDays.start(today.minusDays(2)).plusHours(9);
        sent.add(service, NotificationType.SMS, "normal", "delivered", twoDaysAgo);
        sent.add(service, NotificationType.SMS, "normal", "delivered", twoDaysAgo);
        sent.add(service, NotificationType.EMAIL, "normal", "permanent-failure", twoDaysAgo);
        sent.add(service, NotificationType.SMS, "test", "delivered", twoDaysAgo);
        sent.add(service, NotificationType.LETTER, "normal", "created", LondonDays.start(today.minusDays(5)).plusHours(9));
        sent.buildFacts(today.minusDays(2), today.minusDays(5));
        BillingFacts billing = hub.getBean(BillingFacts.class);
        billing.rebuildDay(today.minusDays(2), service.id());
        billing.rebuildDay(today.minusDays(5), service.id());
        sent.add(service, NotificationType.SMS, "normal", "sending", sent.now());
        sent.add(service, NotificationType.EMAIL, "normal", "delivered", sent.now());

        List<String> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(StatisticsPages.DAYS_BEFORE_TODAY); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("created", counts(days, Map.of(today.minusDays(5), 1)));
        expected.put("delivered", counts(days, Map.of(today.minusDays(2), 2, today, 1)));
        expected.put("permanent-failure", counts(days, Map.of(today.minusDays(2), 1)));
        expected.put("sending", counts(days, Map.of(today, 1)));

        Map<String, Object> properties = new LinkedHashMap<>(ExtraNode.sharingInfrastructureOf(environment));
        properties.put("notify.roles", "api");
        properties.put("notify.ops.username", "operator");
        properties.put("notify.ops.password", "ops-secret");
        try (ExtraNode node = ExtraNode.start("statistics-page", properties)) {
            String page = node.baseUrl() + "/statistics/service/" + service.id();
            assertThat(get(page, null).statusCode()).isEqualTo(401);
            HttpResponse<String> html = get(page, "operator:ops-secret");
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(get(node.baseUrl() + "/statistics/service/" + java.util.UUID.randomUUID() + "/data",
                    "operator:ops-secret").statusCode()).isEqualTo(404);

            JsonNode result = render(page);
            assertThat(result.path("error").asText()).as(result.toString()).isEmpty();
            assertThat(result.path("state").asText()).as(result.toString()).isEqualTo("ready");
            assertThat(result.at("/chart/type").asText()).isEqualTo("bar");
            assertThat(mapper.convertValue(result.at("/chart/labels"), List.class)).isEqualTo(days);
            assertThat(mapper.convertValue(result.at("/chart/datasets"), Map.class)).isEqualTo(expected);
            assertThat(mapper.convertValue(result.at("/canvas/counts"), Map.class)).isEqualTo(expected);
            assertThat(result.at("/chart/drawnBars").asInt()).isEqualTo(expected.size() * days.size());
            // billing's facts of those days: two texts and the email (the test-key text and the letter not yet sent
            // are not billed), within the free allowance, so nothing to pay
            assertThat(result.at("/spend/state").asText()).as(result.toString()).isEqualTo("shown");
            List<List<String>> spendRows = new ArrayList<>();
            result.at("/spend/rows").forEach(row -> spendRows.add(List.of(row.get(0).asText(), row.get(1).asText())));
            assertThat(spendRows).containsExactlyInAnyOrder(List.of("email", "1"), List.of("sms", "2"));
            assertThat(result.at("/spend/total").asDouble()).isZero();
            assertThat(SCREENSHOT).isNotEmptyFile();
        }
    }

    private JsonNode render(String page) throws Exception {
        Process browser = new ProcessBuilder("node", "statistics.js", page, "operator", "ops-secret",
                SCREENSHOT.toAbsolutePath().toString())
                .directory(BrowserScripts.DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("statistics.js printed its result").isNotNull();
            assertThat(browser.waitFor(90, TimeUnit.SECONDS)).isTrue();
            return mapper.readTree(line);
        }
    }

    private static List<Integer> counts(List<String> days, Map<LocalDate, Integer> byDay) {
        return days.stream().map(day -> byDay.getOrDefault(LocalDate.parse(day), 0)).toList();
    }

    private HttpResponse<String> get(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
