package org.notifyhub.templates;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.ExpiringCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current version of a template as a send needs it, reused for a couple of seconds as Notify reuses its
 * serialised templates. An admin change on this node evicts at once (see ServiceCache); another node's change is
 * seen within the TTL.
 */
@Component
public class TemplateCache {

    private record Key(UUID serviceId, UUID templateId) {
    }

    private final TemplateRepository templates;
    private final ExpiringCache<Key, StoredTemplate> latest;

    public TemplateCache(TemplateRepository templates, Clock clock,
                         @Value("${notify.api.lookup-cache-millis}") long ttlMillis,
                         @Value("${notify.api.lookup-cache-size}") int maxEntries) {
        this.templates = templates;
        this.latest = new ExpiringCache<>(Duration.ofMillis(ttlMillis), maxEntries, clock);
    }

    /** As {@link TemplateRepository#findLatest}; a template that is not found is not remembered. */
    public Optional<StoredTemplate> findLatest(UUID serviceId, UUID templateId) {
        return Optional.ofNullable(latest.get(new Key(serviceId, templateId),
                key -> templates.findLatest(key.serviceId(), key.templateId()).orElse(null)));
    }

    /** Forgets every template of this service. */
    public void evictService(UUID serviceId) {
        latest.evictIf(key -> key.serviceId().equals(serviceId));
    }
}
