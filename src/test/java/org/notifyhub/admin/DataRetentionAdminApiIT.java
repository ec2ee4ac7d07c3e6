package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /service/{id}/data-retention as Notify's admin app uses it: add one per type, read, change, and Notify's refusals. */
class DataRetentionAdminApiIT extends AdminApiTest {

    private UUID serviceId;
    private String path;

    @BeforeEach
    void service() {
        serviceId = fixtures.service(Map.of());
        path = "/service/" + serviceId + "/data-retention";
    }

    @Test
    void aRetentionIsAddedReadByIdAndTypeListedAndChanged() {
        AdminClient.Response created = admin.post(path, Map.of("notification_type", "email", "days_of_retention", 3));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode result = created.json().get("result");
        String id = result.get("id").asText();
        assertThat(result.get("service_id").asText()).isEqualTo(serviceId.toString());
        assertThat(result.get("notification_type").asText()).isEqualTo("email");
        assertThat(result.get("days_of_retention").asInt()).isEqualTo(3);
        assertThat(result.get("service_name").asText()).isNotBlank();
        assertThat(result.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(result.get("updated_at").isNull()).isTrue();

        assertThat(admin.get(path + "/" + id).json().get("days_of_retention").asInt()).isEqualTo(3);
        assertThat(admin.get(path + "/notification-type/email").json().get("id").asText()).isEqualTo(id);
        assertThat(admin.get(path + "/notification-type/sms").json().isEmpty()).as("none set: {}").isTrue();
        assertThat(admin.get(path + "/" + UUID.randomUUID()).json().isEmpty()).isTrue();
        admin.post(path, Map.of("notification_type", "sms", "days_of_retention", 90));
        assertThat(admin.get(path).json()).extracting(node -> node.get("notification_type").asText())
                .containsExactly("email", "sms");

        AdminClient.Response changed = admin.post(path + "/" + id, Map.of("days_of_retention", 14));
        assertThat(changed.status()).isEqualTo(204);
        JsonNode after = admin.get(path + "/" + id).json();
        assertThat(after.get("days_of_retention").asInt()).isEqualTo(14);
        assertThat(after.get("updated_at").isNull()).isFalse();
    }

    @Test
    void notifysRefusalsChangeNothing() {
        admin.post(path, Map.of("notification_type", "sms", "days_of_retention", 7));
        String id = admin.get(path + "/notification-type/sms").json().get("id").asText();

        assertRefused(admin.post(path, Map.of("notification_type", "sms", "days_of_retention", 5)), 400,
                "Service already has data retention for sms notification type");
        assertInvalid(admin.post(path, Map.of("notification_type", "fax", "days_of_retention", 5)), "notification_type",
                "notification_type fax is not one of [sms, letter, email]");
        assertInvalid(admin.post(path, Map.of("notification_type", "email")), "days_of_retention",
                "days_of_retention is a required property");
        assertInvalid(admin.post(path, Map.of("days_of_retention", 5)), "notification_type",
                "notification_type is a required property");
        assertInvalid(admin.post(path, Map.of("notification_type", "email", "days_of_retention", 2)), "days_of_retention",
                "days_of_retention 2 is less than the minimum of 3");
        assertInvalid(admin.post(path + "/" + id, Map.of("days_of_retention", 91)), "days_of_retention",
                "days_of_retention 91 is greater than the maximum of 90");
        assertInvalid(admin.post(path + "/" + id, Map.of("days_of_retention", "seven")), "days_of_retention",
                "days_of_retention seven is not of type integer");
        UUID unknown = UUID.randomUUID();
        assertRefused(admin.post(path + "/" + unknown, Map.of("days_of_retention", 10)), 404,
                "The service data retention for id: " + unknown + " was not found for service: " + serviceId);
        assertInvalid(admin.get(path + "/notification-type/fax"), "notification_type",
                "notification_type fax is not one of [sms, letter, email]");
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/data-retention").status()).isEqualTo(404);

        Map<String, Object> row = new HashMap<>(jdbc.sql("SELECT notification_type, days_of_retention FROM "
                + "service_data_retention WHERE service_id = :id").param("id", serviceId).query().singleRow());
        assertThat(row).isEqualTo(Map.of("notification_type", "sms", "days_of_retention", 7));
    }

    private static void assertRefused(AdminClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("result").asText()).isEqualTo("error");
        assertThat(response.json().get("message").asText()).isEqualTo(message);
    }

    private static void assertInvalid(AdminClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/message/" + field)).extracting(JsonNode::asText).isEqualTo(List.of(message));
    }
}
