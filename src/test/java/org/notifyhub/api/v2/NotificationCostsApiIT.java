package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;

/**
 * GET /v2/notifications/{id} shows what a text or letter cost, from the rates: a text's rate multiplier is filled
 * when it is sent (France costs two UK fragments a fragment), and Notify's official client reads the details.
 * Today's SMS rate is Notify's 2.4p (from 1 April 2026); a first-class 2-sheet letter cost £1.53 in April 2025.
 */
class NotificationCostsApiIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private TestService service;
    private NotificationClient client;
    private V2Http http;

    @BeforeEach
    void service() {
        service = testServices.create(false, List.of("email", "sms", "letter", "international_sms"));
        client = new NotificationClient(service.normalKey(), baseUrl());
        http = new V2Http(mapper, baseUrl());
    }

    @Test
    void aTextsCostIsItsFragmentsTimesItsCountrysMultiplierTimesTheRate() throws Exception {
        String france = client.sendSms(service.smsTemplate().toString(), "+33 6 12 34 56 78", Map.of("name", "Ada"),
                null).getNotificationId().toString();
        String uk = client.sendSms(service.smsTemplate().toString(), "07700 900123", Map.of("name", "Ada"), null)
                .getNotificationId().toString();

        assertThat(stored(france)).containsEntry("rate_multiplier", 2).containsEntry("international", true);
        assertThat(stored(uk)).containsEntry("rate_multiplier", 1).containsEntry("international", false);
        JsonNode view = get(france);
        assertThat(view.get("is_cost_data_ready").asBoolean()).isTrue();
        assertThat(view.get("cost_details")).isEqualTo(mapper.valueToTree(Map.of("billable_sms_fragments", 1,
                "international_rate_multiplier", 2.0, "sms_rate", 0.024)));
        assertThat(view.get("cost_in_pounds").asDouble()).isEqualTo(1 * 2.0 * 0.024);
        assertThat(get(uk).get("cost_in_pounds").asDouble()).isEqualTo(0.024);

        // the Java client 6.0.0 reads the details (its cost_in_pounds and is_cost_data_ready are never filled)
        Notification read = client.getNotificationById(france);
        assertThat(read.getBillableSmsFragments()).contains(1);
        assertThat(read.getInternationalRateMultiplier()).contains(2.0);
        assertThat(read.getSmsRate()).contains(0.024);
        JsonNode listed = http.get("/v2/notifications?template_type=sms", "Bearer " + Jwt.forKey(service.normalKey())).body();
        assertThat(listed.get("notifications")).extracting(n -> n.get("cost_in_pounds").asDouble())
                .containsExactlyInAnyOrder(0.048, 0.024);
    }

    @Test
    void aLettersCostIsItsRateBySheetsAndPostageOnceItHasBeenChecked() throws Exception {
        String id = client.sendLetter(service.letterTemplate().toString(), Map.of("address_line_1", "Ada Lovelace",
                "address_line_2", "1 Example Street", "postcode", "SW1A 1AA", "name", "Ada"), null)
                .getNotificationId().toString();
        await().atMost(Duration.ofSeconds(15)).until(() -> (Integer) stored(id).get("billable_units") > 0);

        update(id, "pending-virus-check", 2, "first", "2025-04-08 10:00");
        JsonNode checking = get(id);
        assertThat(checking.get("is_cost_data_ready").asBoolean()).isFalse();
        assertThat(checking.get("cost_in_pounds").isNull()).isTrue();
        assertThat(checking.get("cost_details").isEmpty()).isTrue();

        update(id, "delivered", 2, "first", "2025-04-08 10:00");
        JsonNode delivered = get(id);
        assertThat(delivered.get("is_cost_data_ready").asBoolean()).isTrue();
        assertThat(delivered.get("cost_in_pounds").asDouble()).isEqualTo(1.53);
        assertThat(delivered.get("cost_details")).isEqualTo(mapper.valueToTree(Map.of("billable_sheets_of_paper", 2,
                "postage", "first")));
        assertThat(client.getNotificationById(id).getBillableSheetsOfPaper()).contains(2);

        update(id, "cancelled", 2, "first", "2025-04-08 10:00");
        JsonNode cancelled = get(id);
        assertThat(cancelled.get("cost_in_pounds").asDouble()).isEqualTo(0.0);
        assertThat(cancelled.at("/cost_details/billable_sheets_of_paper").asInt()).isZero();
    }

    private JsonNode get(String id) throws Exception {
        V2Http.Reply reply = http.get("/v2/notifications/" + id, "Bearer " + Jwt.forKey(service.normalKey()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private Map<String, Object> stored(String id) {
        return jdbc.sql("SELECT CAST(rate_multiplier AS integer) AS rate_multiplier, international, billable_units"
                + " FROM notifications WHERE id = :id").param("id", UUID.fromString(id)).query().singleRow();
    }

    private void update(String id, String status, int sheets, String postage, String createdAt) {
        jdbc.sql("UPDATE notifications SET notification_status = :status, billable_units = :sheets, postage = :postage,"
                        + " created_at = CAST(:createdAt AS timestamp) WHERE id = :id")
                .param("status", status).param("sheets", sheets).param("postage", postage).param("createdAt", createdAt)
                .param("id", UUID.fromString(id)).update();
    }
}
