package org.notifyhub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Picks the provider for a live key's text message as Notify does since 2019: a weighted random choice among the
 * active SMS providers in provider_details, their priority the weight (read at most every few seconds), and for an
 * international number only providers that support it. Only providers this node has endpoints for take part; with
 * none configured the simulator sends (the local default).
 */
@Component
public class SmsProviderSelector {

    private record Snapshot(List<SmsProviderDetails> providers, Instant readAt) {
    }

    private final ProviderDetailsRepository repository;
    private final SmsProviderEndpoints endpoints;
    private final Map<String, SmsProvider> clients;
    private final SimulatedSmsProvider simulator;
    private final SmsProviderFailover failover;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Snapshot snapshot;

    public SmsProviderSelector(ProviderDetailsRepository repository, SmsProviderEndpoints endpoints, FiretextClient firetext,
                               MmgClient mmg, SimulatedSmsProvider simulator, SmsProviderFailover failover, Clock clock,
                               @Value("${notify.sms.provider-cache-seconds}") int cacheSeconds) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.clients = Map.of(firetext.name(), firetext, mmg.name(), mmg);
        this.simulator = simulator;
        this.failover = failover;
        this.clock = clock;
        this.cacheFor = Duration.ofSeconds(cacheSeconds);
    }

    public SmsProvider choose(boolean international) {
        List<String> configured = configured();
        if (configured.isEmpty()) {
            return simulator;
        }
        List<SmsProviderDetails> candidates = activeProviders().stream()
                .filter(p -> configured.contains(p.identifier()))
                .filter(p -> !international || p.supportsInternational())
                .toList();
        if (candidates.isEmpty()) {
            throw new NoSmsProviderException(international);
        }
        return clients.get(pick(candidates, ThreadLocalRandom.current()).identifier());
    }

    /** A send through this provider failed: shift traffic away from it (the simulator never counts). */
    public void sendFailed(SmsProvider provider) {
        if (clients.get(provider.name()) == provider && !failover.providerFailed(provider.name()).isEmpty()) {
            snapshot = null;
        }
    }

    /** Weighted by priority; a lone provider gets everything, and all-zero weights fall back to an even choice. */
    static SmsProviderDetails pick(List<SmsProviderDetails> candidates, RandomGenerator random) {
        int total = candidates.stream().mapToInt(SmsProviderDetails::priority).sum();
        if (candidates.size() == 1 || total <= 0) {
            return candidates.get(random.nextInt(candidates.size()));
        }
        int draw = random.nextInt(total);
        for (SmsProviderDetails candidate : candidates) {
            draw -= candidate.priority();
            if (draw < 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: the draw is below the total of the weights");
    }

    private List<String> configured() {
        List<String> configured = new ArrayList<>(2);
        endpoints.firetext().ifPresent(firetext -> configured.add(FiretextClient.NAME));
        endpoints.mmg().ifPresent(mmg -> configured.add(MmgClient.NAME));
        return configured;
    }

    private List<SmsProviderDetails> activeProviders() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(cacheFor))) {
            current = new Snapshot(repository.activeSmsProviders(), now);
            snapshot = current;
        }
        return current.providers();
    }
}
