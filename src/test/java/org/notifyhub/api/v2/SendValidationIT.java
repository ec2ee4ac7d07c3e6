package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad requests get Notify's error, in the v2 envelope, and change nothing. */
class SendValidationIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter");

    @Autowired
    private JdbcClient jdbc;

    private TestService live;
    private TestService trial;
    private TestService emailOnly;

    @BeforeEach
    void services() {
        live = testServices.create(false, ALL);
        trial = testServices.create(true, ALL);
        emailOnly = testServices.create(false, List.of("email"));
    }

    /** A request: which key sends it, to which path, with which body (given the services). */
    record Case(String name, Function<SendValidationIT, String> key, String path, Function<SendValidationIT, String> body,
                int status, String error, List<String> messages) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case sms(String name, Function<SendValidationIT, String> body, String error, String... messages) {
        return new Case(name, t -> t.live.normalKey(), "/v2/notifications/sms", body, 400, error, Arrays.asList(messages));
    }

    static Stream<Case> cases() {
        return Stream.of(
                sms("empty body", t -> "", "ValidationError", "phone_number is a required property",
                        "template_id is a required property"),
                sms("not an object", t -> "[1, 2]", "ValidationError", "[1,2] is not of type object"),
                sms("bad json", t -> "{\"phone_number\": ", "BadRequestError", "Invalid JSON supplied in POST data"),
                sms("template id not a uuid", t -> "{\"phone_number\": \"07700900123\", \"template_id\": \"x\"}",
                        "ValidationError", "template_id is not a valid UUID"),
                sms("unknown field", t -> t.smsBody("07700900123", ", \"template\": 1, \"colour\": \"red\""),
                        "ValidationError", "Additional properties are not allowed (colour, template were unexpected)"),
                sms("phone with letters", t -> t.smsBody("07700 90012a", ""), "ValidationError",
                        "phone_number Must not contain letters or symbols"),
                sms("phone too short", t -> t.smsBody("0770090012", ""), "ValidationError", "phone_number Not enough digits"),
                sms("phone too long", t -> t.smsBody("077009001234", ""), "ValidationError", "phone_number Too many digits"),
                sms("landline without sms_to_uk_landlines", t -> t.smsBody("02079460000", ""), "InvalidPhoneError",
                        "Not a UK mobile number"),
                sms("premium rate", t -> t.smsBody("09001234567", ""), "ValidationError",
                        "phone_number Number is not valid – double check the phone number you entered"),
                sms("phone not a string", t -> "{\"phone_number\": 7700900123, \"template_id\": \"" + t.live.smsTemplate() + "\"}",
                        "ValidationError", "phone_number 7700900123 is not of type string"),
                sms("personalisation not an object", t -> t.smsBody("07700900123", "").replace(
                        "\"personalisation\": {\"name\": \"A\"}", "\"personalisation\": \"A\""), "ValidationError",
                        "personalisation A is not of type object"),
                sms("reference too long", t -> t.smsBody("07700900123", ", \"reference\": \"" + "r".repeat(1001) + "\""),
                        "ValidationError", "reference " + "r".repeat(1001) + " is too long"),
                sms("missing personalisation", t -> t.smsBody("07700900123", "").replace("{\"name\": \"A\"}", "{}"),
                        "BadRequestError", "Missing personalisation: name"),
                sms("template of another service", t -> "{\"phone_number\": \"07700900123\", \"template_id\": \""
                        + t.trial.smsTemplate() + "\"}", "BadRequestError", "Template not found"),
                sms("email template", t -> "{\"phone_number\": \"07700900123\", \"template_id\": \"" + t.live.emailTemplate()
                        + "\", \"personalisation\": {\"name\": \"A\"}}", "BadRequestError",
                        "email template is not suitable for sms notification"),
                sms("international without permission", t -> t.smsBody("+1 202 555 0104", ""), "BadRequestError",
                        "Cannot send to international mobile numbers"),
                sms("sms sender of another service", t -> t.smsBody("07700900123", ", \"sms_sender_id\": \""
                        + t.testServices.addSmsSender(t.trial.id(), "Other") + "\""), "BadRequestError", (String) null),
                new Case("no sms permission", t -> t.emailOnly.normalKey(), "/v2/notifications/sms",
                        t -> "{\"phone_number\": \"07700900123\", \"template_id\": \"" + t.emailOnly.smsTemplate() + "\"}",
                        400, "BadRequestError", List.of("Service is not allowed to send text messages")),
                new Case("trial mode", t -> t.trial.normalKey(), "/v2/notifications/sms",
                        t -> "{\"phone_number\": \"07700900123\", \"template_id\": \"" + t.trial.smsTemplate()
                                + "\", \"personalisation\": {\"name\": \"A\"}}", 400, "BadRequestError",
                        List.of("Can’t send to this recipient when service is in trial mode – see "
                                + "https://www.notifications.service.gov.uk/trial-mode")),
                new Case("team key", t -> t.live.teamKey(), "/v2/notifications/email",
                        t -> "{\"email_address\": \"stranger@example.com\", \"template_id\": \"" + t.live.emailTemplate()
                                + "\", \"personalisation\": {\"name\": \"A\"}}", 400, "BadRequestError",
                        List.of("Can’t send to this recipient using a team-only API key")),
                new Case("bad email", t -> t.live.normalKey(), "/v2/notifications/email",
                        t -> "{\"email_address\": \"not-an-email\", \"template_id\": \"" + t.live.emailTemplate() + "\"}",
                        400, "ValidationError", List.of("email_address Not a valid email address")),
                new Case("letter with team key", t -> t.live.teamKey(), "/v2/notifications/letter", t -> t.letterBody(
                        "\"A\", \"address_line_2\": \"B\", \"postcode\": \"SW1A 1AA\""), 403, "BadRequestError",
                        List.of("Cannot send letters with a team api key")),
                new Case("letter in trial mode", t -> t.trial.normalKey(), "/v2/notifications/letter", t -> t.letterBody(
                        t.trial, "\"A\", \"address_line_2\": \"B\", \"postcode\": \"SW1A 1AA\""), 403, "BadRequestError",
                        List.of("Cannot send letters when service is in trial mode")),
                // Notify checks the key only once the request, the permission and the template have passed
                new Case("letter with team key and no template", t -> t.live.teamKey(), "/v2/notifications/letter",
                        t -> "{\"personalisation\": {\"address_line_1\": \"A\"}}", 400, "ValidationError",
                        List.of("template_id is a required property")),
                new Case("letter in trial mode of another service's template", t -> t.trial.normalKey(),
                        "/v2/notifications/letter", t -> "{\"template_id\": \"" + t.live.letterTemplate()
                                + "\", \"personalisation\": {\"address_line_1\": \"A\"}}", 400, "BadRequestError",
                        List.of("Template not found")),
                new Case("precompiled letter with team key and bad postage", t -> t.live.teamKey(),
                        "/v2/notifications/letter", t -> "{\"reference\": \"r\", \"content\": \"JVBERi0=\", "
                                + "\"postage\": \"third\"}", 400, "ValidationError",
                        List.of("postage invalid. It must be either first, second or economy.")),
                new Case("precompiled letter in trial mode", t -> t.trial.normalKey(), "/v2/notifications/letter",
                        t -> "{\"reference\": \"r\", \"content\": \"JVBERi0=\"}", 403, "BadRequestError",
                        List.of("Cannot send letters when service is in trial mode")),
                new Case("letter with two lines", t -> t.live.normalKey(), "/v2/notifications/letter", t -> t.letterBody(
                        "\"A\", \"postcode\": \"SW1A 1AA\""), 400, "ValidationError", List.of("Address must be at least 3 lines")),
                new Case("letter with a bad postcode", t -> t.live.normalKey(), "/v2/notifications/letter", t -> t.letterBody(
                        "\"A\", \"address_line_2\": \"B\", \"postcode\": \"NOT A POSTCODE\""), 400, "ValidationError",
                        List.of("Must be a real UK postcode")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badRequestsGetNotifysErrorsAndChangeNothing(Case c) throws Exception {
        long before = notificationCount();

        V2Http.Reply reply = new V2Http(mapper, baseUrl()).post(c.path(), "Bearer " + Jwt.forKey(c.key().apply(this)),
                c.body().apply(this));

        assertThat(reply.status()).isEqualTo(c.status());
        assertThat(reply.body().path("status_code").asInt()).isEqualTo(c.status());
        assertThat(reply.error()).isEqualTo(c.error());
        if (c.messages().get(0) != null) {
            assertThat(reply.body().path("errors").findValuesAsText("message")).containsExactlyElementsOf(c.messages());
        } else {
            assertThat(reply.message()).matches("sms_sender_id .+ does not exist in database for service id " + live.id());
        }
        assertThat(notificationCount()).isEqualTo(before);
    }

    private String smsBody(String phone, String extra) {
        return "{\"phone_number\": \"" + phone + "\", \"template_id\": \"" + live.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"A\"}" + extra + "}";
    }

    private String letterBody(String addressAfterLine1) {
        return letterBody(live, addressAfterLine1);
    }

    private String letterBody(TestService service, String addressAfterLine1) {
        return "{\"template_id\": \"" + service.letterTemplate() + "\", \"personalisation\": {\"name\": \"A\", "
                + "\"address_line_1\": " + addressAfterLine1 + "}}";
    }

    private long notificationCount() {
        return jdbc.sql("SELECT count(*) FROM notifications").query(Long.class).single();
    }
}
