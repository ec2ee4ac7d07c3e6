package org.notifyhub.templates.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.TestService;
import org.notifyhub.support.V2Http;

/** The exact statuses, bodies and error texts of the v2 template endpoints, over raw HTTP. */
class TemplateApiErrorsIT extends TemplateServiceTest {

    private V2Http http;
    private UUID email;

    @BeforeEach
    void createTemplate() {
        http = new V2Http(baseUrl(), service);
        email = newTemplate("Greeting", "email", "Hello ((name))", "Dear ((name)), ref ((reference))");
    }

    @Test
    void aTemplateHasEveryKeyNotifyShows() throws Exception {
        HttpResponse<String> response = http.get("/v2/template/" + email);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode template = mapper.readTree(response.body());
        assertThat(template.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "created_at",
                "updated_at", "created_by", "version", "body", "subject", "name", "personalisation", "postage",
                "letter_contact_block");
        assertThat(template.get("created_by").asText()).isEqualTo(TestService.SYSTEM_USER_EMAIL);
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

        JsonNode template = mapper.readTree(http.get("/v2/template/" + letter).body());

        assertThat(template.get("postage").asText()).isEqualTo("second");
    }

    @Test
    void aTemplateIdThatIsNotAUuidIsAValidationError() throws Exception {
        assertError(http.get("/v2/template/not-a-uuid"), 400, "ValidationError", "id is not a valid UUID");
        assertError(http.get("/v2/template/not-a-uuid/version/1"), 400, "ValidationError", "id is not a valid UUID");
    }

    @Test
    void anUnknownTemplateIsNotFound() throws Exception {
        assertNotFound(http.get("/v2/template/" + UUID.randomUUID()));
        assertNotFound(http.get("/v2/template/" + UUID.randomUUID() + "/version/1"));
    }

    @Test
    void anotherServicesTemplateIsNotFound() throws Exception {
        V2Http otherService = new V2Http(baseUrl(), TestService.create(services, apiKeys));

        assertNotFound(otherService.get("/v2/template/" + email));
        assertNotFound(otherService.get("/v2/template/" + email + "/version/1"));
        assertNotFound(otherService.post("/v2/template/" + email + "/preview", "{}"));
        assertThat(mapper.readTree(otherService.get("/v2/templates").body()).get("templates")).isEmpty();
    }

    @Test
    void aHiddenTemplateIsNotFound() throws Exception {
        fixtures.hide(email);

        assertNotFound(http.get("/v2/template/" + email));
        assertNotFound(http.get("/v2/template/" + email + "/version/1"));
    }

    @Test
    void aVersionThatDoesNotExistOrIsNotANumberIsNotFound() throws Exception {
        assertNotFound(http.get("/v2/template/" + email + "/version/2"));
        assertNotFound(http.get("/v2/template/" + email + "/version/99999999999"));
        assertNotFound(http.get("/v2/template/" + email + "/version/abc"));
        assertNotFound(http.get("/v2/template/" + email + "/version/-1"));
    }

    @Test
    void versionZeroMeansTheLatestVersionAsInNotify() throws Exception {
        fixtures.saveNewVersion(email, "New", "New body", TestService.SYSTEM_USER);

        HttpResponse<String> response = http.get("/v2/template/" + email + "/version/0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownTypeIsAValidationError() throws Exception {
        assertError(http.get("/v2/templates?type=unknown"), 400, "ValidationError",
                "type unknown is not one of [sms, email, letter]");
        assertError(http.get("/v2/templates?type=broadcast"), 400, "ValidationError",
                "type broadcast is not one of [sms, email, letter]");
    }

    @Test
    void anUnknownQueryArgumentIsAValidationError() throws Exception {
        assertError(http.get("/v2/templates?template_type=sms"), 400, "ValidationError",
                "Additional properties are not allowed (template_type was unexpected)");
    }

    @Test
    void aPreviewWithMissingPersonalisationIsABadRequest() throws Exception {
        assertError(http.post("/v2/template/" + email + "/preview", "{\"personalisation\": {\"Name\": \"Ada\"}}"), 400,
                "BadRequestError", "Missing personalisation: reference");
        assertError(http.post("/v2/template/" + email + "/preview", ""), 400,
                "BadRequestError", "Missing personalisation: name, reference");
    }

    @Test
    void aPreviewChecksItsRequest() throws Exception {
        assertError(http.post("/v2/template/not-a-uuid/preview", "{}"), 400, "ValidationError", "id is not a valid UUID");
        assertError(http.post("/v2/template/" + email + "/preview", "{\"personalisation\": \"Ada\"}"), 400,
                "ValidationError", "personalisation Ada is not of type object");
        assertError(http.post("/v2/template/" + email + "/preview", "{not json"), 400,
                "BadRequestError", "Invalid JSON supplied in POST data");
        assertNotFound(http.post("/v2/template/" + UUID.randomUUID() + "/preview", "{}"));
    }

    @Test
    void aPreviewIgnoresOtherPropertiesAndExtraPersonalisation() throws Exception {
        HttpResponse<String> response = http.post("/v2/template/" + email + "/preview",
                "{\"personalisation\": {\"name\": \"Ada\", \"reference\": \"R1\", \"unused\": 1}, \"other\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = mapper.readTree(response.body());
        assertThat(preview.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "version", "body",
                "subject", "html", "postage");
        assertThat(preview.get("body").asText()).isEqualTo("Dear Ada, ref R1");
        assertThat(preview.get("postage").isNull()).isTrue();
    }

    @Test
    void theTemplateEndpointsNeedAuthentication() throws Exception {
        assertError(http.getUnauthenticated("/v2/template/" + email), 401, "AuthError",
                "Unauthorized: authentication token must be provided");
        assertError(http.getUnauthenticated("/v2/templates"), 401, "AuthError",
                "Unauthorized: authentication token must be provided");
    }

    private void assertNotFound(HttpResponse<String> response) throws Exception {
        assertError(response, 404, "NoResultFound", "No result found");
    }

    private void assertError(HttpResponse<String> response, int status, String error, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.get("status_code").asInt()).isEqualTo(status);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("error").asText()).isEqualTo(error);
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo(message);
    }
}
