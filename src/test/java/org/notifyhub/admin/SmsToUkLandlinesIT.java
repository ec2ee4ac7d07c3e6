package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /v2/notifications/sms to landlines, premium-rate numbers, mobiles and international numbers, by a service with
 * and without sms_to_uk_landlines (set through the admin API, as the admin app sets it): Notify's answers, and a row
 * only for what is accepted, stored with Notify's normalised form.
 */
class SmsToUkLandlinesIT extends AdminApiTest {

    private static final String NOT_VALID = "phone_number Number is not valid – double check the phone number you entered";

    @Autowired
    private JdbcClient jdbc;

    private TestService service;

    @BeforeEach
    void service() {
        service = testServices.create(false, List.of("sms"));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                // number, landline permission, international permission, status, error class, message or normalised_to
                Arguments.of("020 7946 0991", false, false, 400, "InvalidPhoneError", "Not a UK mobile number"),
                Arguments.of("020 7946 0991", true, false, 201, null, "442079460991"),
                Arguments.of("+44 (0)117 496 0860", true, false, 201, null, "441174960860"),
                Arguments.of("030 1234 5678", false, true, 400, "InvalidPhoneError", "Not a UK mobile number"),
                Arguments.of("030 1234 5678", true, false, 201, null, "443012345678"),
                Arguments.of("0900 123 4567", false, false, 400, "ValidationError", NOT_VALID),
                Arguments.of("0900 123 4567", true, true, 400, "ValidationError", NOT_VALID),
                Arguments.of("0870 123 4567", true, true, 400, "ValidationError", NOT_VALID),
                Arguments.of("0800 123 4567", true, true, 400, "ValidationError", NOT_VALID),
                Arguments.of("07640 123456", true, true, 400, "ValidationError", NOT_VALID),
                Arguments.of("07700 900123", false, false, 201, null, "447700900123"),
                Arguments.of("07700 900123", true, false, 201, null, "447700900123"),
                Arguments.of("+33 1 23 45 67 89", true, false, 400, "BadRequestError",
                        "Cannot send to international mobile numbers"),
                Arguments.of("+33 1 23 45 67 89", false, true, 201, null, "33123456789"));
    }

    @ParameterizedTest(name = "{0} landlines={1} international={2} -> {3} {5}")
    @MethodSource("numbers")
    void landlinesNeedThePermissionAndPremiumRateNumbersAreRefused(String number, boolean landlines,
                                                                    boolean international, int status, String error,
                                                                    String expected) throws Exception {
        setPermissions(landlines, international);

        V2Http.Reply reply = new V2Http(mapper, baseUrl()).post("/v2/notifications/sms",
                "Bearer " + Jwt.forKey(service.normalKey()), "{\"phone_number\": \"" + number + "\", \"template_id\": \""
                        + service.smsTemplate() + "\", \"personalisation\": {\"name\": \"Ada\"}}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        if (status == 201) {
            assertThat(jdbc.sql("SELECT normalised_to FROM notifications WHERE id = :id")
                    .param("id", UUID.fromString(reply.body().get("id").asText())).query(String.class).single())
                    .isEqualTo(expected);
        } else {
            assertThat(reply.error()).isEqualTo(error);
            assertThat(reply.message()).isEqualTo(expected);
            assertThat(notifications()).isZero();
        }
    }

    @Test
    void aCsvOfLandlinesIsAcceptedOnlyWithThePermission() {
        String csv = "phone number,name\n020 7946 0991,Ada\n07700900123,Grace\n";

        setPermissions(false, false);
        AdminClient.Response refused = upload(csv);
        setPermissions(true, false);
        AdminClient.Response accepted = upload(csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/message/row_errors/0/cells/phone number").asText())
                .isEqualTo("Not a UK mobile number");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().at("/data/notification_count").asInt()).isEqualTo(2);
    }

    private void setPermissions(boolean landlines, boolean international) {
        List<String> permissions = Stream.of("sms", landlines ? "sms_to_uk_landlines" : null,
                international ? "international_sms" : null).filter(p -> p != null).toList();
        assertThat(admin.post("/service/" + service.id(), Map.of("permissions", permissions)).status()).isEqualTo(200);
        List<String> readBack = new ArrayList<>();
        admin.get("/service/" + service.id()).json().at("/data/permissions").forEach(p -> readBack.add(p.asText()));
        assertThat(readBack).containsExactlyInAnyOrderElementsOf(permissions);
    }

    private AdminClient.Response upload(String csv) {
        return admin.send("POST", "/service/" + service.id() + "/job/upload?template_id=" + service.smsTemplate(), csv,
                "Bearer " + admin.token(), "text/csv");
    }

    private long notifications() {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :id").param("id", service.id())
                .query(Long.class).single();
    }
}
