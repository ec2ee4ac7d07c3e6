package org.notifyhub.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HandClock;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateCache;
import org.notifyhub.templates.TemplateRepository;

class ServiceCacheTest {

    private static final UUID SERVICE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID TEMPLATE = UUID.randomUUID();

    private final HandClock clock = new HandClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final ServiceRepository services = mock(ServiceRepository.class);
    private final ApiKeyRepository apiKeys = mock(ApiKeyRepository.class);
    private final SenderRepository senders = mock(SenderRepository.class);
    private final TemplateRepository templateRows = mock(TemplateRepository.class);
    private final TemplateCache templates = new TemplateCache(templateRows, clock, 2000, 1024);
    private final ServiceCache cache = new ServiceCache(services, apiKeys, senders, templates, clock, 2000, 1024);

    private static Service service(UUID id, int rateLimit) {
        return new Service(id, "A service", true, false, false, "a.service", true, rateLimit, Set.of("email", "sms"),
                new Service.DailyLimits(1000, 1000, 1000, 100));
    }

    private static StoredTemplate template(UUID serviceId, UUID id, int version) {
        return new StoredTemplate(id, serviceId, "T", "sms", null, "Hi", version, false, false, null,
                LocalDateTime.of(2026, 12, 1, 0, 0), null, "someone@example.com");
    }

    @Test
    void aServiceIsReadOnceWithinItsTtlAndAgainAfterIt() {
        when(services.find(SERVICE)).thenReturn(Optional.of(service(SERVICE, 3000)), Optional.of(service(SERVICE, 10)));

        assertThat(cache.service(SERVICE).orElseThrow().rateLimit()).isEqualTo(3000);
        clock.advance(Duration.ofMillis(1999));
        assertThat(cache.service(SERVICE).orElseThrow().rateLimit()).isEqualTo(3000);
        verify(services, times(1)).find(SERVICE);

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.service(SERVICE).orElseThrow().rateLimit()).isEqualTo(10);
        verify(services, times(2)).find(SERVICE);
    }

    @Test
    void anUnknownServiceOrOneWithoutKeysIsAskedForAgainNextTime() {
        when(services.find(SERVICE)).thenReturn(Optional.empty(), Optional.of(service(SERVICE, 3000)));
        when(apiKeys.forService(SERVICE)).thenReturn(List.of(), List.of(key(null)));

        assertThat(cache.service(SERVICE)).isEmpty();
        assertThat(cache.apiKeys(SERVICE)).isEmpty();
        assertThat(cache.service(SERVICE)).isPresent();
        assertThat(cache.apiKeys(SERVICE)).hasSize(1);
    }

    @Test
    void evictingAServiceForgetsItsKeysSendersAndTemplatesButNotOtherServicesTemplates() {
        UUID otherTemplate = UUID.randomUUID();
        when(services.find(SERVICE)).thenReturn(Optional.of(service(SERVICE, 3000)));
        when(apiKeys.forService(SERVICE)).thenReturn(List.of(key(null)), List.of(key(LocalDateTime.now())));
        when(senders.defaultSmsSender(SERVICE)).thenReturn(Optional.empty(), Optional.of("NEWSENDER"));
        when(templateRows.findLatest(SERVICE, TEMPLATE)).thenReturn(Optional.of(template(SERVICE, TEMPLATE, 1)),
                Optional.of(template(SERVICE, TEMPLATE, 2)));
        when(templateRows.findLatest(OTHER, otherTemplate)).thenReturn(Optional.of(template(OTHER, otherTemplate, 1)));

        assertThat(cache.apiKeys(SERVICE).get(0).revoked()).isFalse();
        assertThat(cache.defaultSmsSender(SERVICE)).isEmpty();
        assertThat(templates.findLatest(SERVICE, TEMPLATE).orElseThrow().version()).isEqualTo(1);
        templates.findLatest(OTHER, otherTemplate);
        cache.service(SERVICE);

        cache.evict(SERVICE);

        assertThat(cache.apiKeys(SERVICE).get(0).revoked()).isTrue();
        assertThat(cache.defaultSmsSender(SERVICE)).contains("NEWSENDER");
        assertThat(templates.findLatest(SERVICE, TEMPLATE).orElseThrow().version()).isEqualTo(2);
        templates.findLatest(OTHER, otherTemplate);
        cache.service(SERVICE);
        verify(templateRows, times(1)).findLatest(OTHER, otherTemplate);
        verify(services, times(2)).find(SERVICE);
    }

    @Test
    void aServiceWithoutADefaultReplyToIsNotAskedAgainWithinTheTtl() {
        when(senders.defaultReplyTo(SERVICE)).thenReturn(Optional.empty());

        assertThat(cache.defaultReplyTo(SERVICE)).isEmpty();
        assertThat(cache.defaultReplyTo(SERVICE)).isEmpty();
        verify(senders, times(1)).defaultReplyTo(SERVICE);
    }

    private static ApiKey key(LocalDateTime expiry) {
        return new ApiKey(UUID.fromString("11111111-1111-1111-1111-111111111111"), "key", "secret", SERVICE, "normal",
                expiry);
    }
}
