package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** /service: what the admin API answers and what it leaves in the database. */
class ServicesAdminApiIT extends AdminApiTest {

    @Test
    void aNewServiceIsATrialServiceWithNotifysDefaultsAndItsCreatorOnTheTeam() {
        String suffix = UUID.randomUUID().toString();
        String name = "Passport renewals " + suffix;
        AdminClient.Response created = admin.post("/service", Map.of("name", name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        UUID id = UUID.fromString(data.get("id").asText());
        assertThat(data.get("name").asText()).isEqualTo(name);
        assertThat(data.get("restricted").asBoolean()).isTrue();
        assertThat(data.get("active").asBoolean()).isTrue();
        assertThat(data.get("created_by").asText()).isEqualTo(AdminFixtures.SYSTEM_USER);
        assertThat(data.get("email_from").asText()).isEqualTo("passport.renewals." + suffix);
        assertThat(data.get("rate_limit").asInt()).isEqualTo(3000);
        assertThat(texts(data.get("permissions"))).containsExactlyInAnyOrder("sms", "email", "letter",
                "international_sms", "upload_letters", "international_letters");

        assertThat(jdbc.sql("SELECT restricted FROM services WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT sms_sender FROM service_sms_senders WHERE service_id = :id AND is_default")
                .param("id", id).query(String.class).single()).isEqualTo("GOVUK");
        assertThat(jdbc.sql("SELECT user_id FROM user_to_service WHERE service_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(AdminFixtures.SYSTEM_USER);

        AdminClient.Response fetched = admin.get("/service/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("data")).isEqualTo(data);
        assertThat(ids(admin.get("/service").json().get("data"))).contains(id.toString());
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndReplacesPermissionsWhole() {
        UUID id = fixtures.service(Map.of("rate_limit", 100));

        AdminClient.Response updated = admin.post("/service/" + id, Map.of("restricted", false, "prefix_sms", false,
                "email_message_limit", 250, "permissions", List.of("email", "sms", "inbound_sms")));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode data = updated.json().get("data");
        assertThat(data.get("restricted").asBoolean()).isFalse();
        assertThat(data.get("prefix_sms").asBoolean()).isFalse();
        assertThat(data.get("rate_limit").asInt()).isEqualTo(100);
        assertThat(data.get("email_message_limit").asLong()).isEqualTo(250);
        assertThat(data.get("sms_message_limit").asLong()).isEqualTo(999_999_999L);
        assertThat(texts(data.get("permissions"))).containsExactlyInAnyOrder("email", "sms", "inbound_sms");
        assertThat(jdbc.sql("SELECT permission FROM service_permissions WHERE service_id = :id").param("id", id)
                .query(String.class).list()).containsExactlyInAnyOrder("email", "sms", "inbound_sms");
        assertThat(jdbc.sql("SELECT version FROM services WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(2);
    }

    static Stream<Arguments> invalidServices() {
        return Stream.of(
                Arguments.of(Map.of(), "name", "Missing data for required field."),
                Arguments.of(Map.of("name", 7), "name", "Not a valid string."),
                Arguments.of(Map.of("name", "n".repeat(256)), "name", "Longer than maximum length 255."),
                Arguments.of(Map.of("name", "x " + UUID.randomUUID(), "restricted", "sometimes"), "restricted",
                        "Not a valid boolean."),
                Arguments.of(Map.of("name", "x " + UUID.randomUUID(), "rate_limit", "lots"), "rate_limit",
                        "Not a valid integer."),
                Arguments.of(Map.of("name", "x " + UUID.randomUUID(), "user_id", "nobody"), "user_id", "Not a valid UUID."),
                Arguments.of(Map.of("name", "x " + UUID.randomUUID(), "permissions", List.of("email", "telepathy")),
                        "permissions", "Invalid Service Permission: 'telepathy'"),
                Arguments.of(Map.of("name", "x " + UUID.randomUUID(), "permissions", List.of("sms", "sms")),
                        "permissions", "Duplicate Service Permission: ['sms']"));
    }

    @ParameterizedTest
    @MethodSource("invalidServices")
    void anInvalidServiceIsRefusedFieldByFieldAndNothingIsSaved(Map<String, Object> body, String field, String message) {
        int before = serviceCount();

        AdminClient.Response response = admin.post("/service", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("result").asText()).isEqualTo("error");
        assertThat(texts(response.json().get("message").get(field))).containsExactly(message);
        assertThat(serviceCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateNameIsRefusedWithNotifysMessage() {
        String name = "Duplicate " + UUID.randomUUID();
        assertThat(admin.post("/service", Map.of("name", name)).status()).isEqualTo(201);

        AdminClient.Response again = admin.post("/service", Map.of("name", name, "email_from", "other." + UUID.randomUUID()));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").get("name").get(0).asText()).isEqualTo("Duplicate service name '" + name + "'");
    }

    @Test
    void badInputIsAClientErrorNeverA500() {
        UUID id = fixtures.service(Map.of());
        assertThat(admin.post("/service", "{not json").status()).isEqualTo(400);
        AdminClient.Response asForm = admin.send("POST", "/service/" + id, "{\"rate_limit\": 20}",
                "Bearer " + admin.token(), "application/x-www-form-urlencoded");
        assertThat(asForm.status()).as(asForm.body()).isEqualTo(200);
        assertThat(asForm.json().get("data").get("rate_limit").asInt()).isEqualTo(20);
        assertThat(admin.post("/service", "[1, 2]").json().get("message").asText())
                .isEqualTo("Invalid JSON supplied in POST data");
        assertThat(admin.post("/service/" + id, Map.of("active", List.of())).status()).isEqualTo(400);
        assertThat(admin.post("/service", Map.of("name", "x " + UUID.randomUUID(), "user_id", UUID.randomUUID())).status())
                .isEqualTo(404);

        AdminClient.Response unknown = admin.get("/service/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("No result found");
        assertThat(admin.get("/service/not-a-uuid").status()).isEqualTo(404);
        assertThat(admin.post("/service/" + UUID.randomUUID(), Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void archivingDeactivatesTheServiceFreesItsNameArchivesTemplatesAndRevokesKeys() {
        String name = "To archive " + UUID.randomUUID();
        UUID id = fixtures.service(Map.of("name", name, "restricted", false));
        UUID templateId = fixtures.emailTemplate(id, "Subject", "Body");
        fixtures.apiKey(id, "normal");

        AdminClient.Response archived = admin.post("/service/" + id + "/archive", null);

        assertThat(archived.status()).isEqualTo(204);
        assertThat(archived.body()).isEmpty();
        JsonNode service = admin.get("/service/" + id).json().get("data");
        assertThat(service.get("active").asBoolean()).isFalse();
        assertThat(service.get("name").asText()).startsWith("_archived_").endsWith("_" + name);
        assertThat(jdbc.sql("SELECT archived FROM templates WHERE id = :id").param("id", templateId)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE service_id = :id AND expiry_date IS NULL")
                .param("id", id).query(Integer.class).single()).isZero();
        assertThat(admin.post("/service", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(admin.post("/service/" + id + "/archive", null).status()).isEqualTo(204);
    }

    private int serviceCount() {
        return jdbc.sql("SELECT count(*) FROM services").query(Integer.class).single();
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> ids(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.get("id").asText()));
        return values;
    }
}
