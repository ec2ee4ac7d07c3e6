package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyhub.notifications.NotificationType.EMAIL;
import static org.notifyhub.notifications.NotificationType.LETTER;
import static org.notifyhub.notifications.NotificationType.SMS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.LondonDays;
import org.notifyhub.statistics.SentNotifications;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The statistics endpoints Notify's admin app reads, against hand-counted notifications: past days from the nightly
 * facts (built here), today counted live, London days and financial years; bad input answered with Notify's texts.
 */
class StatisticsAdminApiIT extends AdminApiTest {

    @Autowired
    private ApplicationContext hub;

    private SentNotifications sent;
    private TestService service;
    private LocalDate today;

    @BeforeEach
    void service() {
        sent = new SentNotifications(hub);
        service = testServices.create(false, List.of("sms", "email", "letter"));
        today = sent.today();
    }

    @Test
    void todayAndTheLastDaysByTypeAndStatus() {
        sent.add(service, SMS, "normal", "delivered", noon(8));                 // before the 7 days
        sent.add(service, SMS, "normal", "delivered", LondonDays.start(today.minusDays(7)));
        sent.add(service, EMAIL, "normal", "permanent-failure", noon(3));
        List<UUID> purged = List.of(sent.add(service, EMAIL, "normal", "delivered", noon(3)));
        sent.add(service, LETTER, "team", "created", noon(3));
        sent.add(service, SMS, "test", "delivered", noon(3));
        sent.add(service, SMS, "normal", "cancelled", noon(1));
        sent.purge(purged);
        buildFacts(8);
        LocalDateTime now = sent.now();
        sent.add(service, SMS, "normal", "sending", now);
        sent.add(service, SMS, "normal", "delivered", now);
        sent.add(service, EMAIL, "normal", "technical-failure", now);
        sent.add(service, SMS, "test", "delivered", now);

        String path = "/service/" + service.id() + "/statistics";
        assertThat(data(admin.get(path))).isEqualTo(Map.of(
                "sms", counts(3, 2, 0), "email", counts(3, 1, 2), "letter", counts(1, 0, 0)));
        assertThat(data(admin.get(path + "?today_only=True&limit_days=7"))).isEqualTo(Map.of(
                "sms", counts(2, 1, 0), "email", counts(1, 0, 1), "letter", counts(0, 0, 0)));
        assertThat(data(admin.get(path + "?limit_days=2"))).isEqualTo(Map.of(
                "sms", counts(2, 1, 0), "email", counts(1, 0, 1), "letter", counts(0, 0, 0)));
        assertThat(data(admin.get(path + "?today_only=False&limit_days=8"))).isEqualTo(Map.of(
                "sms", counts(4, 3, 0), "email", counts(3, 1, 2), "letter", counts(1, 0, 0)));

        AdminClient.Response bad = admin.get(path + "?limit_days=seven");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().at("/message/limit_days/0").asText()).isEqualTo("limit_days seven is not an integer");
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/statistics").status()).isEqualTo(404);
    }

    @Test
    void eachMonthOfAFinancialYearAndEachTemplatesUse() {
        sent.add(service, SMS, "normal", "delivered", LocalDateTime.parse("2025-03-31T22:30:00"));   // 31 March 2025
        sent.add(service, SMS, "normal", "delivered", LocalDateTime.parse("2025-03-31T23:30:00"));   // 1 April 2025, BST
        sent.add(service, SMS, "normal", "delivered", LocalDateTime.parse("2026-03-31T22:30:00"));   // 31 March 2026
        sent.add(service, SMS, "normal", "delivered", LocalDateTime.parse("2026-03-31T23:30:00"));   // 1 April 2026
        sent.add(service, EMAIL, "normal", "permanent-failure", LocalDateTime.parse("2025-11-30T23:59:00"));
        sent.add(service, EMAIL, "normal", "cancelled", LocalDateTime.parse("2025-11-30T12:00:00"));
        sent.add(service, EMAIL, "test", "delivered", LocalDateTime.parse("2025-11-30T12:00:00"));
        sent.buildFacts(LocalDate.parse("2025-03-31"), LocalDate.parse("2025-04-01"), LocalDate.parse("2025-11-30"),
                LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-01"));

        JsonNode year2025 = admin.get("/service/" + service.id() + "/notifications/monthly?year=2025").json().get("data");
        List<String> months = new ArrayList<>();
        year2025.fieldNames().forEachRemaining(months::add);
        assertThat(months).containsExactly("2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10",
                "2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
        assertThat(mapper.convertValue(year2025.get("2025-04"), Map.class)).isEqualTo(Map.of(
                "sms", Map.of("delivered", 1), "email", Map.of(), "letter", Map.of()));
        assertThat(mapper.convertValue(year2025.get("2025-11"), Map.class)).isEqualTo(Map.of(
                "sms", Map.of(), "email", Map.of("permanent-failure", 1, "cancelled", 1), "letter", Map.of()));
        assertThat(mapper.convertValue(year2025.get("2026-03"), Map.class)).isEqualTo(Map.of(
                "sms", Map.of("delivered", 1), "email", Map.of(), "letter", Map.of()));
        assertThat(mapper.convertValue(year2025.get("2025-06"), Map.class)).isEqualTo(Map.of(
                "sms", Map.of(), "email", Map.of(), "letter", Map.of()));

        // This financial year lists only the months begun so far.
        int thisYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        JsonNode current = admin.get("/service/" + service.id() + "/notifications/monthly?year=" + thisYear)
                .json().get("data");
        assertThat(current.size()).isEqualTo((int) YearMonth.of(thisYear, 4).until(YearMonth.from(today),
                java.time.temporal.ChronoUnit.MONTHS) + 1);

        JsonNode usage = admin.get("/service/" + service.id() + "/notifications/templates_usage/monthly?year=2025")
                .json().get("stats");
        assertThat(mapper.convertValue(usage, List.class)).isEqualTo(List.of(
                Map.of("template_id", service.smsTemplate().toString(), "name", "SMS", "type", "sms", "month", 4,
                        "year", 2025, "count", 1, "is_precompiled_letter", false),
                Map.of("template_id", service.emailTemplate().toString(), "name", "Email", "type", "email", "month", 11,
                        "year", 2025, "count", 1, "is_precompiled_letter", false),
                Map.of("template_id", service.smsTemplate().toString(), "name", "SMS", "type", "sms", "month", 3,
                        "year", 2026, "count", 1, "is_precompiled_letter", false)));

        for (String path : List.of("/notifications/monthly", "/notifications/templates_usage/monthly")) {
            for (String year : List.of("?year=twenty", "", "?year=", "?year=10000")) {
                AdminClient.Response bad = admin.get("/service/" + service.id() + path + year);
                assertThat(bad.status()).as(path + year + " " + bad.body()).isEqualTo(400);
                assertThat(bad.json().get("message").asText()).isEqualTo("Year must be a number");
            }
        }
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/notifications/monthly?year=2025").status())
                .isEqualTo(404);
    }

    @Test
    void todaysUseOfEachTemplateCountsLive() {
        sent.add(service, SMS, "normal", "delivered", noon(1));
        buildFacts(1);
        sent.add(service, SMS, "normal", "delivered", sent.now());
        sent.add(service, EMAIL, "normal", "cancelled", sent.now());
        int thisYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        JsonNode usage = admin.get("/service/" + service.id() + "/notifications/templates_usage/monthly?year=" + thisYear)
                .json().get("stats");
        LocalDate yesterday = today.minusDays(1);
        long expectedRows = YearMonth.from(yesterday).equals(YearMonth.from(today)) ? 1 : 2;
        assertThat(usage.size()).isEqualTo((int) expectedRows);
        assertThat(usage.findValues("count").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(2);
        assertThat(usage.get(usage.size() - 1).get("month").asInt()).isEqualTo(today.getMonthValue());
    }

    @Test
    void platformTotalsBetweenTwoDaysAndTodayLive() {
        sent.add(service, SMS, "normal", "delivered", LocalDateTime.parse("2019-05-08T12:00:00"));
        sent.add(service, SMS, "team", "temporary-failure", LocalDateTime.parse("2019-05-08T12:00:00"));
        sent.add(service, EMAIL, "normal", "permanent-failure", LocalDateTime.parse("2019-05-09T22:59:00"));
        sent.add(service, LETTER, "normal", "virus-scan-failed", LocalDateTime.parse("2019-05-09T23:30:00")); // 10 May
        sent.buildFacts(LocalDate.parse("2019-05-08"), LocalDate.parse("2019-05-09"), LocalDate.parse("2019-05-10"));
        JsonNode totals = admin.get("/platform-stats?start_date=2019-05-08&end_date=2019-05-09").json();
        assertThat(mapper.convertValue(totals, Map.class)).isEqualTo(Map.of(
                "sms", platform(2, 0, 0, 0, 1, 0),
                "email", platform(1, 0, 0, 1, 0, 0),
                "letter", platform(0, 0, 0, 0, 0, 0)));

        String todayRange = "/platform-stats?start_date=" + today + "&end_date=" + today;
        JsonNode before = admin.get(todayRange).json();
        JsonNode byDefault = admin.get("/platform-stats").json();
        assertThat(byDefault.at("/sms/test-key").asLong()).isEqualTo(before.at("/sms/test-key").asLong());
        sent.add(service, SMS, "test", "delivered", sent.now());
        sent.add(service, LETTER, "normal", "technical-failure", sent.now());
        JsonNode after = admin.get(todayRange).json();
        assertThat(after.at("/sms/test-key").asLong() - before.at("/sms/test-key").asLong()).isEqualTo(1);
        assertThat(after.at("/letter/total").asLong() - before.at("/letter/total").asLong()).isEqualTo(1);
        assertThat(after.at("/letter/failures/technical-failure").asLong()
                - before.at("/letter/failures/technical-failure").asLong()).isEqualTo(1);

        assertPlatformRefused("start_date=1234-56-78", "start_date", "start_date month must be in 1..12");
        assertPlatformRefused("start_date=2019-02-30", "start_date", "start_date day is out of range for month");
        assertPlatformRefused("end_date=yesterday", "end_date", "end_date yesterday is not a date");
        assertPlatformRefused("end_date=2019-5-1", "end_date", "end_date 2019-5-1 is not a date");
    }

    private void assertPlatformRefused(String query, String field, String message) {
        AdminClient.Response response = admin.get("/platform-stats?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/message/" + field + "/0").asText()).isEqualTo(message);
    }

    private void buildFacts(int daysBack) {
        for (int i = 1; i <= daysBack; i++) {
            sent.buildFacts(today.minusDays(i));
        }
    }

    private LocalDateTime noon(int daysAgo) {
        return LondonDays.start(today.minusDays(daysAgo)).plusHours(12);
    }

    private Map<?, ?> data(AdminClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return mapper.convertValue(response.json().get("data"), Map.class);
    }

    private static Map<String, Integer> counts(int requested, int delivered, int failed) {
        return Map.of("requested", requested, "delivered", delivered, "failed", failed);
    }

    private static Map<String, Object> platform(int total, int testKey, int technical, int permanent, int temporary,
                                                int virus) {
        return Map.of("total", total, "test-key", testKey, "failures", Map.of("technical-failure", technical,
                "permanent-failure", permanent, "temporary-failure", temporary, "virus-scan-failed", virus));
    }
}
