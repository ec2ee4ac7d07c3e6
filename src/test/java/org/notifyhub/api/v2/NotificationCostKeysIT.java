package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;

/**
 * GET /v2/notifications/{id} and the list carry Notify's cost keys with Notify's types, which today's clients read:
 * emails cost nothing and say so; a text knows its cost once accepted (its fragments are counted then); a letter says
 * its cost is not known until its PDF gives its sheets, then shows it (NotificationCostsApiIT has the arithmetic).
 */
class NotificationCostKeysIT extends HubIntegrationTest {

    @Test
    void everyNotificationCarriesTheCostKeysWithNotifysTypes() throws Exception {
        TestService service = testServices.create(false, List.of("email", "sms", "letter"));
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        String email = client.sendEmail(service.emailTemplate().toString(), "cost@example.com", Map.of("name", "E"), null)
                .getNotificationId().toString();
        String sms = client.sendSms(service.smsTemplate().toString(), "07700900321", Map.of("name", "S"), null)
                .getNotificationId().toString();
        String letter = client.sendLetter(service.letterTemplate().toString(), Map.of("name", "L",
                "address_line_1", "A Person", "address_line_2", "1 Street", "postcode", "SW1A 1AA"), null)
                .getNotificationId().toString();
        V2Http http = new V2Http(mapper, baseUrl());
        String auth = "Bearer " + Jwt.forKey(service.normalKey());

        assertFree(http.get("/v2/notifications/" + email, auth).body());
        assertKnown(http.get("/v2/notifications/" + sms, auth).body());
        assertConsistent(http.get("/v2/notifications/" + letter, auth).body());

        JsonNode list = http.get("/v2/notifications", auth).body().get("notifications");
        assertThat(list).hasSize(3);
        for (JsonNode notification : list) {
            switch (notification.get("type").asText()) {
                case "email" -> assertFree(notification);
                case "sms" -> assertKnown(notification);
                default -> assertConsistent(notification);
            }
        }

        // the official client reads cost_details as an object: it must never be null or another type
        Notification read = client.getNotificationById(sms);
        assertThat(read.getBillableSmsFragments()).contains(1);
        assertThat(read.getPostageType()).isEmpty();
        assertThat(client.getNotificationById(email).getBillableSmsFragments()).isEmpty();
    }

    private static void assertFree(JsonNode notification) {
        assertThat(notification.get("cost_in_pounds").isNumber()).isTrue();
        assertThat(notification.get("cost_in_pounds").asDouble()).isZero();
        assertThat(notification.get("is_cost_data_ready").isBoolean()).isTrue();
        assertThat(notification.get("is_cost_data_ready").asBoolean()).isTrue();
        assertThat(notification.get("cost_details").isObject()).isTrue();
        assertThat(notification.get("cost_details")).isEmpty();
    }

    private static void assertKnown(JsonNode notification) {
        assertThat(notification.get("cost_in_pounds").isNumber()).isTrue();
        assertThat(notification.get("is_cost_data_ready").asBoolean()).isTrue();
        assertThat(notification.get("cost_details").isObject()).isTrue();
        assertThat(notification.get("cost_details").fieldNames()).toIterable()
                .containsExactly("billable_sms_fragments", "international_rate_multiplier", "sms_rate");
    }

    /** A letter races its PDF: either not known yet, or known with its sheets and postage. */
    private static void assertConsistent(JsonNode notification) {
        if (notification.get("is_cost_data_ready").asBoolean()) {
            assertThat(notification.get("cost_in_pounds").isNumber()).isTrue();
            assertThat(notification.get("cost_details").fieldNames()).toIterable()
                    .containsExactly("billable_sheets_of_paper", "postage");
        } else {
            assertNotKnownYet(notification);
        }
    }

    private static void assertNotKnownYet(JsonNode notification) {
        assertThat(notification.has("cost_in_pounds")).isTrue();
        assertThat(notification.get("cost_in_pounds").isNull()).isTrue();
        assertThat(notification.get("is_cost_data_ready").isBoolean()).isTrue();
        assertThat(notification.get("is_cost_data_ready").asBoolean()).isFalse();
        assertThat(notification.get("cost_details").isObject()).isTrue();
        assertThat(notification.get("cost_details")).isEmpty();
    }
}
