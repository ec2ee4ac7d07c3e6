package org.notifyhub.services;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.ExpiringCache;
import org.notifyhub.templates.TemplateCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every API request reads about its service: the service, its API keys and its default senders, reused for a
 * couple of seconds as Notify reuses its serialised services and API keys (a 2-second in-memory cache per process).
 * A change made through this node's admin API calls {@link #evict}, so it applies to the very next request here;
 * other nodes see it once their entry expires. A service or key list that is not found is not remembered.
 */
@Component
public class ServiceCache {

    private final ServiceRepository services;
    private final ApiKeyRepository apiKeys;
    private final SenderRepository senders;
    private final TemplateCache templates;
    private final ExpiringCache<UUID, Service> byId;
    private final ExpiringCache<UUID, List<ApiKey>> keys;
    private final ExpiringCache<UUID, Optional<String>> defaultSmsSenders;
    private final ExpiringCache<UUID, Optional<String>> defaultReplyTos;

    public ServiceCache(ServiceRepository services, ApiKeyRepository apiKeys, SenderRepository senders,
                        TemplateCache templates, Clock clock,
                        @Value("${notify.api.lookup-cache-millis}") long ttlMillis,
                        @Value("${notify.api.lookup-cache-size}") int maxEntries) {
        this.services = services;
        this.apiKeys = apiKeys;
        this.senders = senders;
        this.templates = templates;
        Duration ttl = Duration.ofMillis(ttlMillis);
        this.byId = new ExpiringCache<>(ttl, maxEntries, clock);
        this.keys = new ExpiringCache<>(ttl, maxEntries, clock);
        this.defaultSmsSenders = new ExpiringCache<>(ttl, maxEntries, clock);
        this.defaultReplyTos = new ExpiringCache<>(ttl, maxEntries, clock);
    }

    public Optional<Service> service(UUID serviceId) {
        return Optional.ofNullable(byId.get(serviceId, id -> services.find(id).orElse(null)));
    }

    /** The service's keys, revoked ones included, secrets decrypted. */
    public List<ApiKey> apiKeys(UUID serviceId) {
        List<ApiKey> found = keys.get(serviceId, id -> {
            List<ApiKey> list = apiKeys.forService(id);
            return list.isEmpty() ? null : List.copyOf(list);
        });
        return found == null ? List.of() : found;
    }

    Optional<String> defaultSmsSender(UUID serviceId) {
        return defaultSmsSenders.get(serviceId, senders::defaultSmsSender);
    }

    Optional<String> defaultReplyTo(UUID serviceId) {
        return defaultReplyTos.get(serviceId, senders::defaultReplyTo);
    }

    /** Forgets everything cached about this service, its templates included: it has just changed. */
    public void evict(UUID serviceId) {
        byId.evict(serviceId);
        keys.evict(serviceId);
        defaultSmsSenders.evict(serviceId);
        defaultReplyTos.evict(serviceId);
        templates.evictService(serviceId);
    }
}
