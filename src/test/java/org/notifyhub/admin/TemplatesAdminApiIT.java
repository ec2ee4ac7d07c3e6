package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** /service/{id}/template: Notify's validation, versions in templates_history, archiving. */
class TemplatesAdminApiIT extends AdminApiTest {

    private UUID serviceId;

    @BeforeEach
    void service() {
        serviceId = fixtures.liveService();
    }

    @Test
    void aLetterTemplateGetsSecondClassPostageAndItsContactBlock() {
        String contactId = admin.post("/service/" + serviceId + "/letter-contact",
                Map.of("contact_block", "Passport Office\nPO Box 1", "is_default", true)).json().get("data").get("id").asText();

        AdminClient.Response created = admin.post("/service/" + serviceId + "/template", Map.of("name", "Reminder",
                "template_type", "letter", "subject", "Your passport", "content", "Dear ((name))",
                "created_by", AdminFixtures.SYSTEM_USER, "reply_to", contactId));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("postage").asText()).isEqualTo("second");
        assertThat(data.get("reply_to").asText()).isEqualTo(contactId);
        assertThat(data.get("reply_to_text").asText()).isEqualTo("Passport Office\nPO Box 1");
        assertThat(data.get("service").asText()).isEqualTo(serviceId.toString());
        assertThat(data.get("created_by").asText()).isEqualTo(AdminFixtures.SYSTEM_USER);
        UUID id = UUID.fromString(data.get("id").asText());
        assertThat(jdbc.sql("SELECT postage FROM templates_history WHERE id = :id AND version = 1").param("id", id)
                .query(String.class).single()).isEqualTo("second");
    }

    static Stream<Arguments> invalidTemplates() {
        return Stream.of(
                Arguments.of(Map.of("template_type", "pigeon"), "template_type",
                        "template_type pigeon is not one of [sms, email, letter]"),
                Arguments.of(Map.of("subject", ""), "subject", "Invalid template subject"),
                Arguments.of(without("subject"), "subject", "subject is a required property"),
                Arguments.of(without("name"), "name", "name is a required property"),
                Arguments.of(without("content"), "content", "content is a required property"),
                Arguments.of(Map.of("created_by", "someone"), "created_by", "created_by is not a valid UUID"),
                Arguments.of(Map.of("template_type", "letter", "postage", "carrier pigeon"), "postage",
                        "postage invalid. It must be either first, second or economy."),
                Arguments.of(Map.of("template_type", "sms", "content", "a".repeat(919)), "content",
                        "Content has a character count greater than the limit of 918"));
    }

    @ParameterizedTest
    @MethodSource("invalidTemplates")
    void anInvalidTemplateIsRefusedInNotifysWordsAndNotSaved(Map<String, Object> change, String field, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Welcome", "template_type", "email", "subject", "Hi",
                "content", "Hello", "created_by", AdminFixtures.SYSTEM_USER));
        body.putAll(change);
        body.values().remove(REMOVE);

        AdminClient.Response response = admin.post("/service/" + serviceId + "/template", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(ServicesAdminApiIT.texts(response.json().get("message").get(field))).containsExactly(message);
        assertThat(jdbc.sql("SELECT count(*) FROM templates WHERE service_id = :id").param("id", serviceId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anSmsTemplateOf918CharactersIsAllowedAndPlaceholdersDoNotCount() {
        AdminClient.Response response = admin.post("/service/" + serviceId + "/template", Map.of("name", "Long",
                "template_type", "sms", "content", "a".repeat(918) + "((name))", "created_by", AdminFixtures.SYSTEM_USER));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("data").get("subject").isNull()).isTrue();
    }

    @Test
    void aServiceWithoutThePermissionCannotCreateThatKindOfTemplate() {
        UUID emailOnly = fixtures.service(Map.of("permissions", List.of("email")));

        AdminClient.Response response = admin.post("/service/" + emailOnly + "/template", Map.of("name", "Text",
                "template_type", "sms", "content", "Hi", "created_by", AdminFixtures.SYSTEM_USER));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("message").get("template_type").get(0).asText())
                .isEqualTo("Creating text message templates is not allowed");
    }

    @Test
    void archivingIsANewVersionAndHidesTheTemplateFromTheList() {
        UUID kept = fixtures.emailTemplate(serviceId, "Kept", "Body");
        UUID archived = fixtures.emailTemplate(serviceId, "Archived", "Body");

        AdminClient.Response unchanged = admin.post("/service/" + serviceId + "/template/" + archived,
                Map.of("subject", "Archived"));
        assertThat(unchanged.json().get("data").get("version").asInt()).isEqualTo(1);
        AdminClient.Response response = admin.post("/service/" + serviceId + "/template/" + archived,
                Map.of("archived", true, "created_by", AdminFixtures.SYSTEM_USER));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(response.json().get("data").get("version").asInt()).isEqualTo(2);
        JsonNode list = admin.get("/service/" + serviceId + "/template").json().get("data");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(kept.toString());
        assertThat(admin.get("/service/" + serviceId + "/template/" + archived).json().get("data").get("archived")
                .asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT archived FROM templates_history WHERE id = :id ORDER BY version")
                .param("id", archived).query(Boolean.class).list()).containsExactly(false, true);
    }

    @Test
    void unknownTemplatesAndVersionsAreNotFound() {
        UUID id = fixtures.emailTemplate(serviceId, "Subject", "Body");
        String base = "/service/" + serviceId + "/template/";

        assertThat(admin.get(base + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get(base + id + "/version/2").status()).isEqualTo(404);
        assertThat(admin.get(base + id + "/version/two").status()).isEqualTo(404);
        assertThat(admin.get(base + UUID.randomUUID() + "/versions").status()).isEqualTo(404);
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/template/" + id).status()).isEqualTo(404);
        assertThat(admin.post(base + id, Map.of("template_type", "sms")).status()).isEqualTo(400);
        assertThat(admin.post("/service/" + UUID.randomUUID() + "/template", Map.of()).status()).isEqualTo(404);
    }

    private static final Object REMOVE = new Object() {
        @Override
        public String toString() {
            return "remove";
        }
    };

    private static Map<String, Object> without(String field) {
        Map<String, Object> change = new HashMap<>();
        change.put(field, REMOVE);
        return change;
    }
}
