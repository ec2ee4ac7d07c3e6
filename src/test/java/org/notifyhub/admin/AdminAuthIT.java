package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way an admin request can fail authentication, with Notify's texts, codes and non-v2 envelope. */
class AdminAuthIT extends AdminApiTest {

    /** What to put in the Authorization header, given the admin client id, its secret and a demo API key. */
    interface Header {
        String value(String clientId, String secret, String serviceId, String apiKeySecret);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no header", (Header) (c, s, id, k) -> null, 401,
                        "Unauthorized: authentication token must be provided"),
                Arguments.of("another scheme", (Header) (c, s, id, k) -> "Token " + AdminClient.token(c, s, Instant.now()), 401,
                        "Unauthorized: authentication bearer scheme must be used"),
                Arguments.of("not a JWT", (Header) (c, s, id, k) -> "Bearer not-a-token", 403,
                        "Invalid token: make sure your API token matches the example at "
                                + "https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"),
                Arguments.of("no iss", (Header) (c, s, id, k) -> bearer(JWT.create().withIssuedAt(Date.from(Instant.now()))
                        .sign(Algorithm.HMAC256(s))), 403, "Invalid token: iss field not provided"),
                Arguments.of("another client", (Header) (c, s, id, k) -> bearer(AdminClient.token("notify-other", s, Instant.now())),
                        401, "Unauthorized: not allowed to perform this action"),
                Arguments.of("an API key's token", (Header) (c, s, id, k) -> bearer(AdminClient.token(id, k, Instant.now())),
                        401, "Unauthorized: not allowed to perform this action"),
                Arguments.of("wrong secret", (Header) (c, s, id, k) -> bearer(AdminClient.token(c, s + "x", Instant.now())),
                        403, "Invalid token: API key not found"),
                Arguments.of("no iat", (Header) (c, s, id, k) -> bearer(JWT.create().withIssuer(c)
                        .sign(Algorithm.HMAC256(s))), 403, "Invalid token: API key not found"),
                Arguments.of("iat 40 s ago", (Header) (c, s, id, k) -> bearer(AdminClient.token(c, s, Instant.now().minusSeconds(40))),
                        403, "Error: Your system clock must be accurate to within 30 seconds"),
                Arguments.of("iat 40 s ahead", (Header) (c, s, id, k) -> bearer(AdminClient.token(c, s, Instant.now().plusSeconds(40))),
                        403, "Error: Your system clock must be accurate to within 30 seconds"),
                Arguments.of("HS512", (Header) (c, s, id, k) -> bearer(JWT.create().withIssuer(c)
                        .withIssuedAt(Date.from(Instant.now())).sign(Algorithm.HMAC512(s))), 403,
                        "Invalid token: algorithm used is not HS256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void isRefusedWithNotifysMessage(String name, Header header, int status, String message) {
        String apiKey = credentials.apiKeys().normal();
        String authorization = header.value(credentials.admin().clientId(), credentials.admin().secret(),
                credentials.serviceId().toString(), apiKey.substring(apiKey.length() - 36));

        AdminClient.Response response = admin.send("GET", "/service/" + credentials.serviceId(), null, authorization);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("result").asText()).isEqualTo("error");
        assertThat(response.json().get("message").get("token").get(0).asText()).isEqualTo(message);
        assertThat(response.json().get("message").get("token")).hasSize(1);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aTokenSignedWithTheAdminSecretIsAcceptedAndNotEchoedBack() {
        AdminClient.Response response = admin.get("/service/" + credentials.serviceId());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data").get("id").asText()).isEqualTo(credentials.serviceId().toString());
        assertThat(response.headers().firstValue("Authorization")).isEmpty();
        assertThat(response.headers().firstValue("service_id")).isEmpty();
    }

    @Test
    void theAdminTokenOpensNothingOnThePublicApi() {
        AdminClient.Response response = admin.send("GET", "/v2/notifications/" + credentials.serviceId(), null,
                bearer(admin.token()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo("Invalid token: service id is not the right data type");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
