package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.notifyhub.auth.AdminAuthException;
import org.notifyhub.auth.AdminAuthenticator;

/** Secret rotation: while both secrets are configured, tokens signed with either are accepted. */
class AdminAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final AdminAuthenticator authenticator = new AdminAuthenticator("notify-admin", "old-secret, new-secret",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsEverySecretInTheList() {
        assertThatCode(() -> authenticator.authenticate("Bearer " + AdminClient.token("notify-admin", "old-secret", NOW)))
                .doesNotThrowAnyException();
        assertThatCode(() -> authenticator.authenticate("bearer " + AdminClient.token("notify-admin", "new-secret", NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesASecretNoLongerListed() {
        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + AdminClient.token("notify-admin", "retired", NOW)))
                .isInstanceOf(AdminAuthException.class)
                .hasMessage("Invalid token: API key not found")
                .extracting(e -> ((AdminAuthException) e).status()).isEqualTo(403);
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        AdminAuthenticator unconfigured = new AdminAuthenticator("notify-admin", "", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> unconfigured.authenticate("Bearer " + AdminClient.token("notify-admin", "", NOW)))
                .isInstanceOf(RuntimeException.class);
    }
}
