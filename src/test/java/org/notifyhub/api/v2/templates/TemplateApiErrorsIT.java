package org.notifyhub.api.v2.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.V2Http;

/** The exact statuses, bodies and error texts of the v2 template endpoints, over raw HTTP. */
class TemplateApiErrorsIT extends TemplateServiceTest {

    /** The system user's address, from the first migration. */
    private static final String SYSTEM_USER_EMAIL = "notify-hub@localhost";

    private V2Http http;
    private UUID email;

    @BeforeEach
    void createTemplate() {
        http = new V2Http(mapper, baseUrl());
        email = newTemplate("Greeting", "email", "Hello ((name))", "Dear ((name)), ref ((reference))");
    }

    @Test
    void aTemplateHasEveryKeyNotifyShows() throws Exception {
        V2Http.Reply reply = get("/v2/template/" + email);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode template = reply.body();
        assertThat(template.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "created_at",
                "updated_at", "created_by", "version", "body", "subject", "name", "personalisation", "postage",
                "letter_contact_block");
        assertThat(template.get("created_by").asText()).isEqualTo(SYSTEM_USER_EMAIL);
        assertThat(template.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(template.get("updated_at").isNull()).isTrue();
        assertThat(template.get("postage").isNull()).isTrue();
        assertThat(template.get("letter_contact_block").isNull()).isTrue();
        assertThat(template.get("personalisation").toString())
                .isEqualTo("{\"name\":{\"required\":true},\"reference\":{\"required\":true}}");
    }

    @Test
    void aLetterTemplateShowsItsPostage() throws Exception {
        UUID letter = newTemplate("Letter", "letter", "Subject", "Body");

        assertThat(get("/v2/template/" + letter).body().get("postage").asText()).isEqualTo("second");
    }

    @Test
    void aTemplateIdThatIsNotAUuidIsAValidationError() throws Exception {
        assertError(get("/v2/template/not-a-uuid"), 400, "ValidationError", "id is not a valid UUID");
        assertError(get("/v2/template/not-a-uuid/version/1"), 400, "ValidationError", "id is not a valid UUID");
    }

    @Test
    void anUnknownTemplateIsNotFound() throws Exception {
        assertNotFound(get("/v2/template/" + UUID.randomUUID()));
        assertNotFound(get("/v2/template/" + UUID.randomUUID() + "/version/1"));
    }

    @Test
    void anotherServicesTemplateIsNotFound() throws Exception {
        String otherService = "Bearer " + Jwt.forKey(testServices.create(false, PERMISSIONS).normalKey());

        assertNotFound(http.get("/v2/template/" + email, otherService));
        assertNotFound(http.get("/v2/template/" + email + "/version/1", otherService));
        assertNotFound(http.post("/v2/template/" + email + "/preview", otherService, "{}"));
        assertThat(http.get("/v2/templates", otherService).body().get("templates")).extracting(t -> t.get("id").asText())
                .doesNotContain(email.toString());
    }

    @Test
    void aHiddenTemplateIsNotFound() throws Exception {
        fixtures.hide(email);

        assertNotFound(get("/v2/template/" + email));
        assertNotFound(get("/v2/template/" + email + "/version/1"));
    }

    @Test
    void aVersionThatDoesNotExistOrIsNotANumberIsNotFound() throws Exception {
        assertNotFound(get("/v2/template/" + email + "/version/2"));
        assertNotFound(get("/v2/template/" + email + "/version/99999999999"));
        assertNotFound(get("/v2/template/" + email + "/version/abc"));
        assertNotFound(get("/v2/template/" + email + "/version/-1"));
    }

    @Test
    void versionZeroMeansTheLatestVersionAsInNotify() throws Exception {
        fixtures.saveNewVersion(email, "New", "New body", TestServices.SYSTEM_USER);

        V2Http.Reply reply = get("/v2/template/" + email + "/version/0");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownTypeIsAValidationError() throws Exception {
        assertError(get("/v2/templates?type=unknown"), 400, "ValidationError",
                "type unknown is not one of [sms, email, letter]");
        assertError(get("/v2/templates?type=broadcast"), 400, "ValidationError",
                "type broadcast is not one of [sms, email, letter]");
    }

    @Test
    void anUnknownQueryArgumentIsAValidationError() throws Exception {
        assertError(get("/v2/templates?template_type=sms"), 400, "ValidationError",
                "Additional properties are not allowed (template_type was unexpected)");
    }

    @Test
    void aPreviewWithMissingPersonalisationIsABadRequest() throws Exception {
        assertError(preview(email, "{\"personalisation\": {\"Name\": \"Ada\"}}"), 400, "BadRequestError",
                "Missing personalisation: reference");
        assertError(preview(email, ""), 400, "BadRequestError", "Missing personalisation: name, reference");
    }

    @Test
    void aPreviewChecksItsRequest() throws Exception {
        assertError(http.post("/v2/template/not-a-uuid/preview", bearer(), "{}"), 400, "ValidationError",
                "id is not a valid UUID");
        assertError(preview(email, "{\"personalisation\": \"Ada\"}"), 400, "ValidationError",
                "personalisation Ada is not of type object");
        assertError(preview(email, "{not json"), 400, "BadRequestError", "Invalid JSON supplied in POST data");
        assertNotFound(preview(UUID.randomUUID(), "{}"));
    }

    @Test
    void aPreviewIgnoresOtherPropertiesAndExtraPersonalisation() throws Exception {
        V2Http.Reply reply = preview(email,
                "{\"personalisation\": {\"name\": \"Ada\", \"reference\": \"R1\", \"unused\": 1}, \"other\": true}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "version", "body",
                "subject", "html", "postage");
        assertThat(reply.body().get("body").asText()).isEqualTo("Dear Ada, ref R1");
        assertThat(reply.body().get("postage").isNull()).isTrue();
    }

    @Test
    void theTemplateEndpointsNeedAuthentication() throws Exception {
        String noToken = "Unauthorized: authentication token must be provided";
        assertError(http.get("/v2/template/" + email, null), 401, "AuthError", noToken);
        assertError(http.get("/v2/templates", null), 401, "AuthError", noToken);
        assertError(http.post("/v2/template/" + email + "/preview", null, "{}"), 401, "AuthError", noToken);
    }

    private V2Http.Reply get(String path) throws Exception {
        return http.get(path, bearer());
    }

    private V2Http.Reply preview(UUID templateId, String body) throws Exception {
        return http.post("/v2/template/" + templateId + "/preview", bearer(), body);
    }

    private static void assertNotFound(V2Http.Reply reply) {
        assertError(reply, 404, "NoResultFound", "No result found");
    }

    private static void assertError(V2Http.Reply reply, int status, String error, String message) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("status_code").asInt()).isEqualTo(status);
        assertThat(reply.body().get("errors")).hasSize(1);
        assertThat(reply.error()).isEqualTo(error);
        assertThat(reply.message()).isEqualTo(message);
    }
}
