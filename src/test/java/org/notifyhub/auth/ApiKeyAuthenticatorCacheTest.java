package org.notifyhub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceCache;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.support.HandClock;
import org.notifyhub.templates.TemplateCache;
import org.notifyhub.templates.TemplateRepository;

/**
 * A key revoked on another node (straight in the database, nothing evicted here) still works on this node until its
 * cached copy expires, and not a moment longer: Notify's behaviour with its 2-second cache.
 */
class ApiKeyAuthenticatorCacheTest {

    private static final UUID SERVICE = UUID.randomUUID();
    private static final UUID KEY = UUID.randomUUID();
    private static final String SECRET = UUID.randomUUID().toString();

    private final HandClock clock = new HandClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final ServiceRepository services = mock(ServiceRepository.class);
    private final ApiKeyRepository apiKeys = mock(ApiKeyRepository.class);
    private final ServiceCache cache = new ServiceCache(services, apiKeys, mock(SenderRepository.class),
            new TemplateCache(mock(TemplateRepository.class), clock, 2000, 1024), clock, 2000, 1024);
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(cache, clock);

    @Test
    void aKeyRevokedElsewhereIsRefusedOnceTheTtlHasPassed() {
        when(services.find(SERVICE)).thenReturn(Optional.of(new Service(SERVICE, "S", true, false, false, "s", true,
                3000, Set.of("email"), new Service.DailyLimits(1, 1, 1, 1))));
        when(apiKeys.forService(SERVICE)).thenReturn(List.of(key(null)), List.of(key(LocalDateTime.of(2026, 12, 4, 12, 0))));

        assertThat(authenticator.authenticate(bearer()).keyId()).isEqualTo(KEY);
        clock.advance(Duration.ofMillis(1999));
        assertThat(authenticator.authenticate(bearer()).keyId()).isEqualTo(KEY);

        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> authenticator.authenticate(bearer()))
                .isInstanceOf(V2ApiException.class)
                .hasMessage(ApiKeyAuthenticator.REVOKED);
    }

    @Test
    void aKeyRevokedOnThisNodeIsRefusedAtOnce() {
        when(services.find(SERVICE)).thenReturn(Optional.of(new Service(SERVICE, "S", true, false, false, "s", true,
                3000, Set.of("email"), new Service.DailyLimits(1, 1, 1, 1))));
        when(apiKeys.forService(SERVICE)).thenReturn(List.of(key(null)), List.of(key(LocalDateTime.of(2026, 12, 4, 12, 0))));

        assertThat(authenticator.authenticate(bearer()).keyId()).isEqualTo(KEY);
        cache.evict(SERVICE);

        assertThatThrownBy(() -> authenticator.authenticate(bearer()))
                .isInstanceOf(V2ApiException.class)
                .hasMessage(ApiKeyAuthenticator.REVOKED);
    }

    private static ApiKey key(LocalDateTime expiry) {
        return new ApiKey(KEY, "key", SECRET, SERVICE, "normal", expiry);
    }

    private String bearer() {
        return "Bearer " + JWT.create().withIssuer(SERVICE.toString()).withIssuedAt(clock.instant())
                .sign(Algorithm.HMAC256(SECRET));
    }
}
