package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.billing.AnnualBillingRepository;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.common.LondonDays;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The free SMS allowance as Notify's admin app reads and sets it, today's rates and adding one, the service's crown
 * flag and the operator's rebuild of a day's facts: answers, Notify's refusals, and that a refusal changes nothing.
 * The hub's clock is real, so "this financial year" is worked out; the defaults asked for are those in force from
 * 2026 (central 20,000, other 5,000) until Notify publishes new ones.
 */
class BillingAdminApiIT extends AdminApiTest {

    private static final int THIS_YEAR = FinancialYear.of(LondonDays.today(Clock.systemUTC())).year();

    @Autowired
    private AnnualBillingRepository annualBilling;

    @Test
    void aYearsAllowanceStartsAsTheOrganisationTypesDefaultOrLastYearsCustomOneAndCanBeSet() {
        UUID central = fixtures.service(Map.of("organisation_type", "central"));
        String path = "/service/" + central + "/billing/free-sms-fragment-limit";

        assertThat(admin.get(path).json()).isEqualTo(json(Map.of("free_sms_fragment_limit", 20000,
                "financial_year_start", THIS_YEAR)));
        assertThat(admin.get(path + "?financial_year_start=2023").json().get("free_sms_fragment_limit").asInt())
                .isEqualTo(40000);
        assertThat(admin.get(path + "?financial_year_start=2021").json().get("free_sms_fragment_limit").asInt())
                .isEqualTo(150000);

        AdminClient.Response set = admin.post(path, Map.of("free_sms_fragment_limit", 1234));
        assertThat(set.status()).as(set.body()).isEqualTo(201);
        assertThat(set.json()).isEqualTo(json(Map.of("free_sms_fragment_limit", 1234)));
        assertThat(admin.get(path + "?financial_year_start=" + THIS_YEAR).json().get("free_sms_fragment_limit").asInt())
                .isEqualTo(1234);
        assertThat(admin.get(path + "?financial_year_start=2023").json().get("free_sms_fragment_limit").asInt())
                .as("other years keep theirs").isEqualTo(40000);

        UUID noType = fixtures.service(Map.of());
        assertThat(admin.get("/service/" + noType + "/billing/free-sms-fragment-limit").json()
                .get("free_sms_fragment_limit").asInt()).as("other's default").isEqualTo(5000);
        UUID custom = fixtures.service(Map.of("organisation_type", "local"));
        annualBilling.save(custom, THIS_YEAR - 1, 777, false, true, LocalDateTime.now());
        assertThat(admin.get("/service/" + custom + "/billing/free-sms-fragment-limit").json()
                .get("free_sms_fragment_limit").asInt()).as("carried forward").isEqualTo(777);
    }

    @Test
    void anAllowanceNotifyWouldNotSetIsRefusedAndChangesNothing() {
        UUID service = fixtures.service(Map.of());
        String path = "/service/" + service + "/billing/free-sms-fragment-limit";
        admin.post(path, Map.of("free_sms_fragment_limit", 50));

        assertInvalid(admin.post(path, Map.of()), "free_sms_fragment_limit",
                "free_sms_fragment_limit is a required property");
        assertInvalid(admin.post(path, Map.of("free_sms_fragment_limit", -1)), "free_sms_fragment_limit",
                "free_sms_fragment_limit -1 is less than the minimum of 0");
        assertInvalid(admin.post(path, Map.of("free_sms_fragment_limit", "lots")), "free_sms_fragment_limit",
                "free_sms_fragment_limit lots is not of type integer");
        for (String year : List.of("2015", "2099", "last")) {
            AdminClient.Response refused = admin.get(path + "?financial_year_start=" + year);
            assertThat(refused.status()).as(year).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).isEqualTo(
                    "The browser (or proxy) sent a request that this server could not understand.");
        }
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/billing/free-sms-fragment-limit").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT financial_year_start || ':' || free_sms_fragment_limit FROM annual_billing"
                + " WHERE service_id = :id").param("id", service).query(String.class).list()).containsExactly(THIS_YEAR + ":50");
    }

    @Test
    void todaysRatesAreListedAndANewRateStartsFromALondonDayAfterEveryOther() {
        assertThat(admin.get("/sms-rate").json()).isEqualTo(json(Map.of("rate", 0.024,
                "valid_from", "2026-03-31T23:00:00")));
        JsonNode letterRates = admin.get("/letter-rates").json();
        assertThat(letterRates).hasSize(25);
        assertThat(letterRates.get(0)).isEqualTo(json(Map.of("sheet_count", 1, "start_date", "2026-06-30T23:00:00",
                "rate", "0.638", "post_class", "economy")));
        assertThat(letterRates.get(1).get("post_class").asText()).isEqualTo("second");
        assertThat(letterRates.get(1).get("rate").asText()).isEqualTo("0.73");

        AdminClient.Response added = admin.post("/sms-rate", Map.of("rate", 0.031, "valid_from", "2090-04-01"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT rate FROM rates WHERE valid_from = '2090-03-31 23:00'").query(String.class)
                .single()).as("London midnight in summer time").isEqualTo("0.031");
        AdminClient.Response again = admin.post("/sms-rate", Map.of("rate", 0.05, "valid_from", "2090-01-01"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).isEqualTo("An SMS rate already starts on or after 2090-01-01");

        AdminClient.Response letter = admin.post("/letter-rates", Map.of("start_date", "2090-01-01", "sheet_count", 2,
                "post_class", "second", "rate", 0.99));
        assertThat(letter.status()).as(letter.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                        SELECT crown || ':' || rate || ':' || coalesce(end_date::text, 'open') FROM letter_rates
                        WHERE sheet_count = 2 AND post_class = 'second' AND start_date >= '2026-01-05'
                        ORDER BY start_date, crown""").query(String.class).list())
                .containsExactly("false:0.77:2090-01-01 00:00:00", "true:0.77:2090-01-01 00:00:00",
                        "false:0.99:open", "true:0.99:open");
        assertThat(admin.get("/letter-rates").json()).as("today's rates are still today's").isEqualTo(letterRates);
    }

    @Test
    void aRateNotifyCouldNotBillWithIsRefusedAndChangesNothing() {
        int rates = jdbc.sql("SELECT count(*) FROM rates").query(Integer.class).single();
        int letterRates = jdbc.sql("SELECT count(*) FROM letter_rates").query(Integer.class).single();

        AdminClient.Response empty = admin.post("/sms-rate", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/message/rate/0").asText()).isEqualTo("rate is a required property");
        assertThat(empty.json().at("/message/valid_from/0").asText()).isEqualTo("valid_from is a required property");
        assertInvalid(admin.post("/sms-rate", Map.of("rate", 0, "valid_from", "2091-04-01")), "rate",
                "rate 0 is less than or equal to the minimum of 0");
        assertInvalid(admin.post("/sms-rate", Map.of("rate", "cheap", "valid_from", "2091-04-01")), "rate",
                "rate cheap is not of type number");
        assertInvalid(admin.post("/sms-rate", Map.of("rate", 0.03, "valid_from", "2091-13-01")), "valid_from",
                "valid_from 2091-13-01 is not a date");
        assertInvalid(admin.post("/letter-rates", Map.of("start_date", "2091-01-01", "sheet_count", 6,
                "post_class", "first", "rate", 1)), "sheet_count", "sheet_count 6 is greater than the maximum of 5");
        assertInvalid(admin.post("/letter-rates", Map.of("start_date", "2091-01-01", "sheet_count", 1,
                "post_class", "third", "rate", 1)), "post_class",
                "post_class third is not one of [first, second, economy, europe, rest-of-world]");
        AdminClient.Response past = admin.post("/letter-rates", Map.of("start_date", "2026-01-01", "sheet_count", 1,
                "post_class", "first", "rate", 2));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("message").asText())
                .isEqualTo("A first rate for 1 sheets already starts on or after 2026-01-01");

        assertThat(jdbc.sql("SELECT count(*) FROM rates").query(Integer.class).single()).isEqualTo(rates);
        assertThat(jdbc.sql("SELECT count(*) FROM letter_rates").query(Integer.class).single()).isEqualTo(letterRates);
    }

    @Test
    void aServicesCrownFlagIsSetThroughTheServiceUpdate() {
        UUID service = fixtures.service(Map.of());
        assertThat(admin.get("/service/" + service).json().at("/data/crown").isNull()).isTrue();

        assertThat(admin.post("/service/" + service, Map.of("crown", true)).status()).isEqualTo(200);
        assertThat(admin.get("/service/" + service).json().at("/data/crown").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT crown FROM services WHERE id = :id").param("id", service).query(Boolean.class)
                .single()).isTrue();
        assertInvalid(admin.post("/service/" + service, Map.of("crown", "maybe")), "crown", "Not a valid boolean.");
        assertThat(admin.get("/service/" + service).json().at("/data/crown").asBoolean()).isTrue();
    }

    @Test
    void anOperatorRebuildsOneDaysFacts() {
        UUID service = fixtures.service(Map.of());
        AdminClient.Response rebuilt = admin.post("/billing/rebuild-ft-billing-for-day",
                Map.of("day", "2025-06-01", "service_id", service.toString()));
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json()).isEqualTo(json(Map.of("data", Map.of("day", "2025-06-01", "rows", 0))));

        assertInvalid(admin.post("/billing/rebuild-ft-billing-for-day", Map.of()), "day", "day is a required property");
        assertInvalid(admin.post("/billing/rebuild-ft-billing-for-day", Map.of("day", "yesterday")), "day",
                "day yesterday is not a date");
        assertInvalid(admin.post("/billing/rebuild-ft-billing-for-day", Map.of("day", "2099-01-01")), "day",
                "day 2099-01-01 is in the future");
        assertThat(admin.post("/billing/rebuild-ft-billing-for-day",
                Map.of("day", "2025-06-01", "service_id", UUID.randomUUID().toString())).status()).isEqualTo(404);
    }

    private JsonNode json(Object value) {
        return mapper.valueToTree(value);
    }

    private static void assertInvalid(AdminClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/message/" + field)).extracting(JsonNode::asText).isEqualTo(List.of(message));
    }
}
