package org.notifyhub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;

/** Every authentication error of §1.9, with its status and exact text. */
class ApiKeyAuthenticationIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter");

    @Autowired
    private ServiceRepository services;

    private TestService service;
    private TestService archived;
    private UUID keyless;

    @BeforeEach
    void services() {
        service = testServices.create(false, ALL);
        archived = testServices.create(false, ALL);
        testServices.archive(archived.id());
        keyless = UUID.randomUUID();
        services.insert(new ServiceRepository.NewService(keyless, "Keyless " + keyless, false, "keyless." + keyless, true,
                3000, ALL, TestServices.SYSTEM_USER));
    }

    record Case(String name, Function<ApiKeyAuthenticationIT, String> header, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no header", t -> null, 401, "Unauthorized: authentication token must be provided"),
                new Case("basic scheme", t -> "Basic dXNlcjpwYXNz", 401,
                        "Unauthorized: authentication bearer scheme must be used"),
                new Case("garbage token", t -> "Bearer not-a-jwt", 403, "Invalid token: make sure your API token matches "
                        + "the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"),
                new Case("no iss", t -> bearer(JWT.create().withIssuedAt(Instant.now()).sign(Algorithm.HMAC256("x"))), 403,
                        "Invalid token: iss field not provided"),
                new Case("iss not a uuid", t -> bearer(Jwt.signed("not-a-uuid", "x", Instant.now())), 403,
                        "Invalid token: service id is not the right data type"),
                new Case("unknown service", t -> bearer(Jwt.signed(UUID.randomUUID().toString(), "x", Instant.now())), 403,
                        "Invalid token: service not found"),
                new Case("service without keys", t -> bearer(Jwt.signed(t.keyless.toString(), "x", Instant.now())), 403,
                        "Invalid token: service has no API keys"),
                new Case("archived service", t -> bearer(Jwt.forKey(t.archived.normalKey())), 403,
                        "Invalid token: service is archived"),
                new Case("iat too old", t -> bearer(Jwt.signed(Jwt.serviceId(t.service.normalKey()),
                        Jwt.secret(t.service.normalKey()), Instant.now().minusSeconds(60))), 403,
                        "Error: Your system clock must be accurate to within 30 seconds"),
                new Case("iat in the future", t -> bearer(Jwt.signed(Jwt.serviceId(t.service.normalKey()),
                        Jwt.secret(t.service.normalKey()), Instant.now().plusSeconds(60))), 403,
                        "Error: Your system clock must be accurate to within 30 seconds"),
                new Case("not HS256", t -> bearer(JWT.create().withIssuer(Jwt.serviceId(t.service.normalKey()))
                        .withIssuedAt(Instant.now()).sign(Algorithm.HMAC512(Jwt.secret(t.service.normalKey())))), 403,
                        "Invalid token: algorithm used is not HS256"),
                new Case("wrong secret", t -> bearer(Jwt.signed(Jwt.serviceId(t.service.normalKey()),
                        UUID.randomUUID().toString(), Instant.now())), 403, "Invalid token: API key not found"),
                new Case("no iat", t -> bearer(JWT.create().withIssuer(Jwt.serviceId(t.service.normalKey()))
                        .sign(Algorithm.HMAC256(Jwt.secret(t.service.normalKey())))), 403, "Invalid token: API key not found"),
                new Case("revoked key", t -> {
                    t.testServices.revoke(t.service.teamKey());
                    return bearer(Jwt.forKey(t.service.teamKey()));
                }, 403, "Invalid token: API key revoked"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void authenticationErrorsUseNotifysTexts(Case c) throws Exception {
        V2Http.Reply reply = new V2Http(mapper, baseUrl()).get("/v2/notifications", c.header().apply(this));

        assertThat(reply.status()).isEqualTo(c.status());
        assertThat(reply.body().path("status_code").asInt()).isEqualTo(c.status());
        assertThat(reply.error()).isEqualTo("AuthError");
        assertThat(reply.message()).isEqualTo(c.message());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
