package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.billing.AnnualBillingRepository;
import org.notifyhub.billing.BillingFacts;
import org.notifyhub.billing.FactBillingRepository;
import org.notifyhub.billing.FactBillingRow;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.support.HandClock;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A month of sending (15 March to 14 April 2025) across the start of British Summer Time (30 March) and of the
 * financial year (1 April), with Notify's seeded rates: texts 2.27p a fragment in 2024-25, 2.33p from 1 April 2025;
 * second-class letters 61p/65p/68p for 1/2/3 sheets, then 68p/72p/77p; first class 97p/£1.01, then £1.49/£1.53.
 * Free allowances: 10 fragments in 2024-25, 5 in 2025-26. Every figure below is worked out by hand in the comments.
 */
class BillingUsageAdminApiIT extends AdminApiTest {

    private static final LocalDate FIRST = LocalDate.parse("2025-03-15");
    private static final LocalDate LAST = LocalDate.parse("2025-04-14");

    @Autowired
    private BillingFacts billingFacts;
    @Autowired
    private FactBillingRepository facts;
    @Autowired
    private AnnualBillingRepository annualBilling;
    @Autowired
    private NotificationRepository notifications;

    private TestService crownService;
    private TestService nonCrownService;
    private final List<UUID> beforeTheTwentySixth = new ArrayList<>();

    @BeforeEach
    void aMonthOfSending() {
        crownService = testServices.create(false, List.of("email", "sms", "letter", "international_sms"));
        nonCrownService = testServices.create(false, List.of("email", "sms", "letter"));
        jdbc.sql("UPDATE services SET crown = (id = :crown) WHERE id IN (:crown, :nonCrown)")
                .param("crown", crownService.id()).param("nonCrown", nonCrownService.id()).update();
        annualBilling.save(crownService.id(), 2024, 10, false, true, LocalDateTime.now());
        annualBilling.save(crownService.id(), 2025, 5, false, true, LocalDateTime.now());
        annualBilling.save(nonCrownService.id(), 2024, 0, false, true, LocalDateTime.now());
        annualBilling.save(nonCrownService.id(), 2025, 0, false, true, LocalDateTime.now());

        // one 1-fragment UK text a day at noon London time: 17 in March (2024-25), 14 in April (2025-26)
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            sms(londonNoon(day), 1, 1, "mmg", "normal", "delivered");
        }
        sms("2025-03-20T12:00", 3, 1, "firetext", "normal", "delivered");     // 3 fragments
        sms("2025-03-25T12:00", 2, 2, "mmg", "normal", "delivered");          // France: 2 fragments x 2
        sms("2025-04-02T11:00", 1, 3, "mmg", "normal", "sent");               // South Africa: 1 fragment x 3
        sms("2025-03-21T12:00", 1, 1, "mmg", "team", "sending");              // team keys are billed
        sms("2025-03-29T23:30", 1, 1, "mmg", "normal", "delivered");          // GMT: still 29 March
        sms("2025-03-30T23:30", 1, 1, "mmg", "normal", "temporary-failure");  // BST: 31 March 00:30
        sms("2025-03-31T22:30", 1, 1, "mmg", "normal", "permanent-failure");  // 31 March 23:30: 2024-25
        sms("2025-03-31T23:30", 1, 1, "mmg", "normal", "pending");            // 1 April 00:30: 2025-26
        sms("2025-03-20T13:00", 1, 1, "mmg", "test", "delivered");            // test key: never billed
        sms("2025-03-20T14:00", 1, 1, "mmg", "normal", "technical-failure");  // not billable
        sms("2025-03-20T15:00", 0, 1, null, "normal", "created");             // not sent yet

        email(crownService, "2025-03-31T10:00", "delivered");
        email(crownService, "2025-03-31T10:05", "delivered");
        email(crownService, "2025-03-31T10:10", "technical-failure");
        email(crownService, "2025-04-08T10:00", "permanent-failure");

        letter(crownService, "2025-03-31T10:00", 2, "second", "delivered");     // 65p
        letter(crownService, "2025-03-31T10:00", 1, "first", "sending");        // 97p
        letter(crownService, "2025-04-08T10:00", 1, "first", "returned-letter"); // £1.49
        letter(crownService, "2025-04-08T10:00", 3, "second", "delivered");     // 77p
        letter(crownService, "2025-04-08T10:00", 3, "second", "cancelled");     // never sent
        letter(nonCrownService, "2025-03-31T10:00", 1, "second", "delivered");  // 61p, non-crown rate
        letter(nonCrownService, "2025-04-08T10:00", 2, "first", "delivered");   // £1.53, non-crown rate

        // what was sent before 26 March has passed its retention: only notification_history has it now
        notifications.moveToHistory(beforeTheTwentySixth);
        rebuildMonth();
    }

    @Test
    void eachLondonDaysFactsAreWhatWasSentThatDayAtThatDaysRates() {
        UUID sms = crownService.smsTemplate();
        assertThat(day("2025-03-29")).containsExactly(
                fact("2025-03-29", sms, "sms", "mmg", 1, false, "0.0227", "none", 2, 2));     // noon + 23:30 GMT
        assertThat(day("2025-03-30")).containsExactly(
                fact("2025-03-30", sms, "sms", "mmg", 1, false, "0.0227", "none", 1, 1));     // a 23-hour day
        assertThat(day("2025-03-31")).containsExactly(
                fact("2025-03-31", crownService.emailTemplate(), "email", "ses", 0, false, "0", "none", 0, 2),
                fact("2025-03-31", crownService.letterTemplate(), "letter", "dvla", 1, false, "0.65", "second", 2, 1),
                fact("2025-03-31", crownService.letterTemplate(), "letter", "dvla", 1, false, "0.97", "first", 1, 1),
                fact("2025-03-31", sms, "sms", "mmg", 1, false, "0.0227", "none", 3, 3)); // 00:30 BST, noon, 23:30
        assertThat(day("2025-04-01")).containsExactly(
                fact("2025-04-01", sms, "sms", "mmg", 1, false, "0.0233", "none", 2, 2));     // 00:30 BST + noon
        // purged to history, still counted
        assertThat(day("2025-03-20")).containsExactly(
                fact("2025-03-20", sms, "sms", "firetext", 1, false, "0.0227", "none", 3, 1),
                fact("2025-03-20", sms, "sms", "mmg", 1, false, "0.0227", "none", 1, 1));
        assertThat(day("2025-03-21")).containsExactly(
                fact("2025-03-21", sms, "sms", "mmg", 1, false, "0.0227", "none", 2, 2));
        assertThat(day("2025-03-25")).containsExactly(
                fact("2025-03-25", sms, "sms", "mmg", 1, false, "0.0227", "none", 1, 1),
                fact("2025-03-25", sms, "sms", "mmg", 2, true, "0.0227", "none", 2, 1));
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE id IN (:ids)").param("ids", beforeTheTwentySixth)
                .query(Integer.class).single()).isZero();
        assertThat(facts.forService(nonCrownService.id(), FIRST, LAST)).containsExactly(
                fact("2025-03-31", nonCrownService.letterTemplate(), "letter", "dvla", 1, false, "0.61", "second", 1, 1),
                fact("2025-04-08", nonCrownService.letterTemplate(), "letter", "dvla", 1, false, "1.53", "first", 2, 1));
    }

    @Test
    void rebuildingAgainGivesTheSameRowsAndTheNightlyJobRebuildsTheLastFourDays() {
        List<FactBillingRow> once = facts.forService(crownService.id(), FIRST, LAST);
        rebuildMonth();
        assertThat(facts.forService(crownService.id(), FIRST, LAST)).isEqualTo(once);

        jdbc.sql("DELETE FROM ft_billing WHERE service_id = :id AND bst_date >= '2025-03-28'")
                .param("id", crownService.id()).update();
        // 00:15 on 2 April in London: yesterday and the three days before it
        BillingFacts at = new BillingFacts(facts, new HandClock(Instant.parse("2025-04-01T23:15:00Z")), 4);
        at.createNightlyBilling();
        assertThat(facts.forService(crownService.id(), LocalDate.parse("2025-03-28"), LAST))
                .isEqualTo(once.stream().filter(f -> f.bstDate().isAfter(LocalDate.parse("2025-03-28"))
                        && f.bstDate().isBefore(LocalDate.parse("2025-04-02"))).toList());
        at.updateForToday();
        assertThat(day("2025-04-02")).containsExactly(
                fact("2025-04-02", crownService.smsTemplate(), "sms", "mmg", 1, false, "0.0233", "none", 1, 1),
                fact("2025-04-02", crownService.smsTemplate(), "sms", "mmg", 3, true, "0.0233", "none", 1, 1));
    }

    @Test
    void aDayWithALetterNoRateCoversKeepsItsFactsAndTheOtherDaysAreStillRebuilt() {
        List<FactBillingRow> tenth = day("2025-04-10");
        letter(crownService, "2025-04-10T10:00", 6, "second", "delivered"); // rates stop at 5 sheets
        jdbc.sql("DELETE FROM ft_billing WHERE service_id = :id AND bst_date = '2025-04-09'")
                .param("id", crownService.id()).update();
        BillingFacts at = new BillingFacts(facts, new HandClock(Instant.parse("2025-04-11T23:15:00Z")), 4);

        assertThatThrownBy(at::createNightlyBilling).hasMessage("ft_billing could not be rebuilt for [2025-04-10]");
        assertThat(day("2025-04-10")).isEqualTo(tenth).isNotEmpty();
        assertThat(day("2025-04-09")).containsExactly(
                fact("2025-04-09", crownService.smsTemplate(), "sms", "mmg", 1, false, "0.0233", "none", 1, 1));
    }

    @Test
    void monthlyUsageAppliesTheFreeAllowanceAndChargesLettersPerLetter() {
        // March 2025: texts 17 daily + 3 + 2x2 + team 1 + 29th 23:30 + 31st 00:30 and 23:30 = 28 fragments in 23
        // texts; the first 10 are free, 18 at 2.27p = 40.86p
        assertThat(usage("monthly-usage", 2024)).containsExactly(
                month("March", "letter", 1, 1, 0.65, "second", 0.65, 0, 1),
                month("March", "letter", 1, 1, 0.97, "first", 0.97, 0, 1),
                month("March", "sms", 28, 23, 0.0227, "none", 0.4086, 10, 18));
        // April 2025: 14 daily + 1 April 00:30 + South Africa 1x3 = 18 fragments in 16 texts; 5 free, 13 at 2.33p
        assertThat(usage("monthly-usage", 2025)).containsExactly(
                month("April", "letter", 1, 1, 0.77, "second", 0.77, 0, 1),
                month("April", "letter", 1, 1, 1.49, "first", 1.49, 0, 1),
                month("April", "sms", 18, 16, 0.0233, "none", 0.3029, 5, 13));
    }

    @Test
    void theYearlySummaryTotalsEachTypeAndRateEmailsIncluded() {
        assertThat(usage("yearly-usage-summary", 2024)).containsExactly(
                year("email", 0, 2, 0.0, 0.0, 0, 0),
                year("letter", 1, 1, 0.65, 0.65, 0, 1),
                year("letter", 1, 1, 0.97, 0.97, 0, 1),
                year("sms", 28, 23, 0.0227, 0.4086, 10, 18));
        assertThat(usage("yearly-usage-summary", 2025)).containsExactly(
                year("email", 0, 1, 0.0, 0.0, 0, 0),
                year("letter", 1, 1, 0.77, 0.77, 0, 1),
                year("letter", 1, 1, 1.49, 1.49, 0, 1),
                year("sms", 18, 16, 0.0233, 0.3029, 5, 13));
    }

    @Test
    void aYearThatIsNotANumberIsRefusedAsNotifyDoes() {
        for (String query : List.of("", "?year=", "?year=next")) {
            AdminClient.Response response = admin.get("/service/" + crownService.id() + "/billing/monthly-usage" + query);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("message").asText()).isEqualTo("No valid year provided");
        }
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/billing/yearly-usage-summary?year=2025").status())
                .isEqualTo(404);
    }

    private void rebuildMonth() {
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            billingFacts.rebuildDay(day, crownService.id());
            billingFacts.rebuildDay(day, nonCrownService.id());
        }
    }

    private List<FactBillingRow> day(String day) {
        return facts.forService(crownService.id(), LocalDate.parse(day), LocalDate.parse(day));
    }

    private List<Map<String, Object>> usage(String endpoint, int year) {
        AdminClient.Response response = admin.get("/service/" + crownService.id() + "/billing/" + endpoint
                + "?year=" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : response.json()) {
            rows.add(mapper.convertValue(row, Map.class));
        }
        return rows;
    }

    private static Map<String, Object> month(String month, String type, int chargeable, int sent, double rate,
                                             String postage, double cost, int free, int charged) {
        Map<String, Object> row = new java.util.HashMap<>(year(type, chargeable, sent, rate, cost, free, charged));
        row.put("month", month);
        row.put("postage", postage);
        return row;
    }

    private static Map<String, Object> year(String type, int chargeable, int sent, double rate, double cost, int free,
                                            int charged) {
        return Map.of("notification_type", type, "chargeable_units", chargeable, "notifications_sent", sent,
                "rate", rate, "cost", cost, "free_allowance_used", free, "charged_units", charged);
    }

    private FactBillingRow fact(String day, UUID template, String type, String provider, int multiplier,
                                boolean international, String rate, String postage, int units, int sent) {
        UUID service = template.equals(nonCrownService.letterTemplate()) ? nonCrownService.id() : crownService.id();
        return new FactBillingRow(LocalDate.parse(day), template, service, type, provider, multiplier, international,
                new BigDecimal(rate), postage, units, sent);
    }

    private static String londonNoon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(org.notifyhub.common.NotifyTime.LONDON)
                .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
    }

    private void sms(String createdAt, int fragments, int multiplier, String sentBy, String keyType, String status) {
        insert(crownService, crownService.smsTemplate(), "sms", createdAt, fragments, status, keyType, sentBy,
                multiplier, multiplier > 1, null);
    }

    private void email(TestService service, String createdAt, String status) {
        insert(service, service.emailTemplate(), "email", createdAt, 0, status, "normal", "ses", null, false, null);
    }

    private void letter(TestService service, String createdAt, int sheets, String postage, String status) {
        insert(service, service.letterTemplate(), "letter", createdAt, sheets, status, "normal", "dvla", null, false,
                postage);
    }

    private void insert(TestService service, UUID template, String type, String createdAt, int units, String status,
                        String keyType, String sentBy, Integer multiplier, boolean international, String postage) {
        UUID id = UUID.randomUUID();
        LocalDateTime created = LocalDateTime.parse(createdAt);
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version,
                               key_type, billable_units, notification_type, created_at, sent_by, notification_status,
                               rate_multiplier, international, postage)
                        VALUES (:id, 'someone', 'someone', :service, :template, 1, :keyType, :units, :type, :createdAt,
                                :sentBy, :status, :multiplier, :international, :postage)""")
                .param("id", id).param("service", service.id()).param("template", template)
                .param("keyType", keyType).param("units", units).param("type", type).param("createdAt", created)
                .param("sentBy", sentBy).param("status", status).param("multiplier", multiplier)
                .param("international", international).param("postage", postage)
                .update();
        if (created.isBefore(LondonDays.start(LocalDate.parse("2025-03-26")))) {
            beforeTheTwentySixth.add(id);
        }
    }
}
