package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;

/** GET /service/{id}/notifications: test-key notifications only when asked, filters, pages, template statistics. */
class ServiceNotificationsAdminApiIT extends AdminApiTest {

    private UUID serviceId;
    private UUID templateId;
    private String live;
    private String test;

    @BeforeEach
    void sendOneLiveAndOneTestEmail() throws Exception {
        serviceId = fixtures.liveService();
        templateId = fixtures.emailTemplate(serviceId, "Hello ((name))", "Hi ((name))");
        live = new NotificationClient(fixtures.apiKey(serviceId, "normal"), baseUrl())
                .sendEmail(templateId.toString(), "live@example.com", Map.of("name", "Live"), "live-ref")
                .getNotificationId().toString();
        test = new NotificationClient(fixtures.apiKey(serviceId, "test"), baseUrl())
                .sendEmail(templateId.toString(), "test@example.com", Map.of("name", "Test"), "test-ref")
                .getNotificationId().toString();
    }

    @Test
    void testKeyNotificationsAreLeftOutUnlessAskedFor() {
        AdminClient.Response response = admin.get(notifications(""));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactly(live);
        assertThat(response.json().get("page_size").asInt()).isEqualTo(50);
        assertThat(response.json().get("links")).isEmpty();
        JsonNode notification = response.json().get("notifications").get(0);
        assertThat(notification.get("to").asText()).isEqualTo("live@example.com");
        assertThat(notification.get("key_type").asText()).isEqualTo("normal");
        assertThat(notification.get("personalisation").get("name").asText()).isEqualTo("Live");
        assertThat(notification.get("template").get("id").asText()).isEqualTo(templateId.toString());
        assertThat(notification.get("template").get("version").asInt()).isEqualTo(1);
        assertThat(notification.get("client_reference").asText()).isEqualTo("live-ref");

        assertThat(ids(admin.get(notifications("?include_from_test_key=True")).json())).containsExactlyInAnyOrder(live, test);
        assertThat(ids(admin.get(notifications("?include_from_test_key=true&template_type=sms")).json())).isEmpty();
        assertThat(ids(admin.get(notifications("?status=failed")).json())).isEmpty();
        assertThat(ids(admin.get(notifications("?to=LIVE@example")).json())).containsExactly(live);
    }

    @Test
    void pagesLinkToEachOther() {
        AdminClient.Response first = admin.get(notifications("?include_from_test_key=True&page_size=1"));
        assertThat(ids(first.json())).hasSize(1);
        assertThat(first.json().get("links").has("prev")).isFalse();
        assertThat(first.json().get("links").get("next").asText())
                .isEqualTo("/service/" + serviceId + "/notifications?page=2&include_from_test_key=True&page_size=1");

        AdminClient.Response second = admin.get(notifications("?include_from_test_key=True&page_size=1&page=2"));
        assertThat(ids(second.json())).hasSize(1).doesNotContainAnyElementsOf(ids(first.json()));
        assertThat(second.json().get("links").get("prev").asText()).contains("page=1");
        assertThat(second.json().get("links").has("next")).isFalse();
        assertThat(ids(admin.get(notifications("?older_than=" + test + "&include_from_test_key=True")).json()))
                .doesNotContain(test);
    }

    @Test
    void badParametersAreRefusedFieldByField() {
        AdminClient.Response response = admin.get(notifications("?page=0&page_size=many&include_jobs=perhaps&older_than=x"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode message = response.json().get("message");
        assertThat(message.get("page").get(0).asText()).isEqualTo("Not a positive integer");
        assertThat(message.get("page_size").get(0).asText()).isEqualTo("Not a valid integer.");
        assertThat(message.get("include_jobs").get(0).asText()).isEqualTo("Not a valid boolean.");
        assertThat(message.get("older_than").get(0).asText()).isEqualTo("Not a valid UUID.");
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/notifications").status()).isEqualTo(404);
    }

    @Test
    void templateStatisticsCountOnlyLiveNotificationsAndTellWhenATemplateWasLastUsed() {
        AdminClient.Response stats = admin.get("/service/" + serviceId + "/template-statistics?limit_days=7");

        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        long count = 0;
        for (JsonNode row : stats.json().get("data")) {
            assertThat(row.get("template_id").asText()).isEqualTo(templateId.toString());
            assertThat(row.get("template_name").asText()).isEqualTo("Email Hello ((name))");
            assertThat(row.get("template_type").asText()).isEqualTo("email");
            count += row.get("count").asLong();
        }
        assertThat(count).isEqualTo(1);

        AdminClient.Response lastUsed = admin.get("/service/" + serviceId + "/template-statistics/last-used/" + templateId);
        assertThat(lastUsed.json().get("last_date_used").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        UUID unused = fixtures.emailTemplate(serviceId, "Unused", "Body");
        assertThat(admin.get("/service/" + serviceId + "/template-statistics/last-used/" + unused).json()
                .get("last_date_used").isNull()).isTrue();

        assertThat(admin.get("/service/" + serviceId + "/template-statistics?limit_days=8").json().get("message")
                .get("whole_days").get(0).asText()).isEqualTo("whole_days must be between 0 and 7");
        assertThat(admin.get("/service/" + serviceId + "/template-statistics").json().get("message")
                .get("whole_days").get(0).asText()).isEqualTo(" is not an integer");
    }

    private String notifications(String query) {
        return "/service/" + serviceId + "/notifications" + query;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("notifications").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
