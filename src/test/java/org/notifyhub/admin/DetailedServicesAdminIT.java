package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyhub.notifications.NotificationType.EMAIL;
import static org.notifyhub.notifications.NotificationType.LETTER;
import static org.notifyhub.notifications.NotificationType.SMS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * GET /service?detailed=True, the platform admins' list of services with what each requested, had delivered and had
 * fail: a past range from the nightly facts, today counted live (test keys unless told not to), hand-counted here.
 */
class DetailedServicesAdminIT extends AdminApiTest {

    private static final LocalDate JUNE_13 = LocalDate.parse("2017-06-13");

    @Autowired
    private ApplicationContext hub;

    private SentNotifications sent;

    @BeforeEach
    void notifications() {
        sent = new SentNotifications(hub);
    }

    @Test
    void aPastRangeListsTheServicesWithFactsInItAndTheirCounts() {
        TestService busy = testServices.create(false, List.of("sms", "email", "letter"));
        TestService quiet = testServices.create(false, List.of("email"));
        TestService silent = testServices.create(false, List.of("sms"));
        sent.add(busy, SMS, "normal", "delivered", noonOn(JUNE_13));
        sent.add(busy, SMS, "team", "sent", noonOn(JUNE_13));
        sent.add(busy, EMAIL, "normal", "permanent-failure", noonOn(JUNE_13));
        sent.add(busy, LETTER, "normal", "cancelled", noonOn(JUNE_13));
        sent.add(busy, SMS, "test", "delivered", noonOn(JUNE_13));
        sent.add(quiet, EMAIL, "normal", "delivered", LondonDays.start(JUNE_13.plusDays(1)));   // midnight, BST
        sent.add(busy, SMS, "normal", "delivered", noonOn(JUNE_13.plusDays(2)));               // after the range
        sent.buildFacts(JUNE_13, JUNE_13.plusDays(1), JUNE_13.plusDays(2));

        List<JsonNode> listed = detailed("&start_date=2017-06-13&end_date=2017-06-14");

        JsonNode busyLine = line(listed, busy.id());
        assertThat(statistics(busyLine)).isEqualTo(Map.of(
                "sms", counts(2, 2, 0), "email", counts(1, 0, 1), "letter", counts(0, 0, 0)));
        assertThat(busyLine.get("notification_type").asText()).isEqualTo("email");
        assertThat(busyLine.get("name").asText()).isEqualTo(jdbc.sql("SELECT name FROM services WHERE id = :id")
                .param("id", busy.id()).query(String.class).single());
        assertThat(busyLine.get("active").asBoolean()).isTrue();
        assertThat(busyLine.get("restricted").asBoolean()).isFalse();
        LocalDateTime createdAt = jdbc.sql("SELECT created_at FROM services WHERE id = :id").param("id", busy.id())
                .query(LocalDateTime.class).single();
        assertThat(busyLine.get("created_at").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(ZonedDateTime.parse(busyLine.get("created_at").asText(), DateTimeFormatter.RFC_1123_DATE_TIME))
                .isEqualTo(createdAt.withNano(0).atZone(ZoneOffset.UTC));
        assertThat(statistics(line(listed, quiet.id()))).isEqualTo(Map.of(
                "sms", counts(0, 0, 0), "email", counts(1, 1, 0), "letter", counts(0, 0, 0)));
        assertThat(ids(listed)).doesNotContain(silent.id().toString());
        assertThat(ids(listed)).isSortedAccordingTo(String::compareTo);

        assertThat(admin.post("/service/" + quiet.id() + "/archive", null).status()).isEqualTo(204);
        assertThat(ids(detailed("&start_date=2017-06-13&end_date=2017-06-14&only_active=True")))
                .contains(busy.id().toString()).doesNotContain(quiet.id().toString());
        assertThat(ids(detailed("&start_date=2017-06-13&end_date=2017-06-14")))
                .contains(busy.id().toString(), quiet.id().toString());
    }

    @Test
    void todayCountsLiveListsEveryServiceAndTestKeysOnlyWhenAsked() {
        TestService sender = testServices.create(false, List.of("sms", "email"));
        TestService idle = testServices.create(false, List.of("sms"));
        LocalDate today = sent.today();
        sent.add(sender, EMAIL, "normal", "delivered", LondonDays.start(today.minusDays(1)).plusHours(12));
        sent.buildFacts(today.minusDays(1));
        LocalDateTime now = sent.now();
        sent.add(sender, SMS, "normal", "delivered", now);
        sent.add(sender, SMS, "test", "delivered", now);
        sent.add(sender, EMAIL, "team", "sending", now);
        sent.add(sender, EMAIL, "normal", "technical-failure", now);

        List<JsonNode> todays = detailed("");
        assertThat(statistics(line(todays, sender.id()))).isEqualTo(Map.of(
                "sms", counts(2, 2, 0), "email", counts(2, 0, 1), "letter", counts(0, 0, 0)));
        JsonNode idleLine = line(todays, idle.id());
        assertThat(statistics(idleLine)).isEqualTo(Map.of(
                "sms", counts(0, 0, 0), "email", counts(0, 0, 0), "letter", counts(0, 0, 0)));
        assertThat(idleLine.get("notification_type").isNull()).isTrue();

        assertThat(statistics(line(detailed("&include_from_test_key=False"), sender.id()))).isEqualTo(Map.of(
                "sms", counts(1, 1, 0), "email", counts(2, 0, 1), "letter", counts(0, 0, 0)));
        assertThat(statistics(line(detailed("&start_date=" + today.minusDays(1) + "&end_date=" + today), sender.id())))
                .isEqualTo(Map.of("sms", counts(2, 2, 0), "email", counts(3, 1, 1), "letter", counts(0, 0, 0)));
    }

    @Test
    void aBadDateIsRefusedAndAUserIdStillListsThatUsersServices() {
        AdminClient.Response month = admin.get("/service?detailed=True&start_date=2017-13-01");
        assertThat(month.status()).as(month.body()).isEqualTo(400);
        assertThat(month.json().at("/message/start_date/0").asText()).isEqualTo("start_date month must be in 1..12");
        AdminClient.Response text = admin.get("/service?detailed=True&end_date=yesterday");
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(text.json().at("/message/end_date/0").asText()).isEqualTo("end_date yesterday is not a date");

        AdminClient.Response forUser = admin.get("/service?detailed=True&user_id=" + UUID.randomUUID());
        assertThat(forUser.status()).isEqualTo(200);
        assertThat(forUser.json().get("data").size()).isZero();
    }

    private List<JsonNode> detailed(String query) {
        AdminClient.Response response = admin.get("/service?detailed=True" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        response.json().get("data").forEach(lines::add);
        return lines;
    }

    private static JsonNode line(List<JsonNode> listed, UUID serviceId) {
        return listed.stream().filter(line -> line.get("id").asText().equals(serviceId.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("service " + serviceId + " not listed"));
    }

    private static List<String> ids(List<JsonNode> listed) {
        return listed.stream().map(line -> line.get("id").asText()).toList();
    }

    private Map<?, ?> statistics(JsonNode line) {
        return mapper.convertValue(line.get("statistics"), Map.class);
    }

    private static LocalDateTime noonOn(LocalDate day) {
        return LondonDays.start(day).plusHours(12);
    }

    private static Map<String, Integer> counts(int requested, int delivered, int failed) {
        return Map.of("requested", requested, "delivered", delivered, "failed", failed);
    }
}
