package org.notifyhub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a failed send, traffic moves away from that provider: its priority drops by 10 and the other's rises by
 * 10, within 0–100. Not when either changed in the last minute, so a burst of failures moves 10 points, not 100.
 */
@Component
public class SmsProviderFailover {

    static final int POINTS = 10;
    static final Duration GUARD = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SmsProviderFailover.class);

    private final ProviderDetailsRepository providers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SmsProviderFailover(ProviderDetailsRepository providers, TransactionTemplate transaction, Clock clock) {
        this.providers = providers;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Returns the new priorities, or empty when they were left alone. */
    public Map<String, Integer> providerFailed(String identifier) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Integer> shifted = transaction.execute(status -> {
            Map<String, Integer> priorities = shift(providers.lockActiveSmsProviders(), identifier, now.minus(GUARD))
                    .orElse(Map.of());
            priorities.forEach((provider, priority) -> providers.updatePriority(provider, priority, now));
            return priorities;
        });
        if (shifted.isEmpty()) {
            log.info("SMS provider {} failed; priorities left as they are", identifier);
        } else {
            log.warn("SMS provider {} failed; priorities are now {}", identifier, shifted);
        }
        return shifted;
    }

    /** The new priorities of the failed provider and the other one, when both are active and unchanged since then. */
    static Optional<Map<String, Integer>> shift(List<SmsProviderDetails> active, String failed, LocalDateTime unchangedSince) {
        if (active.size() != 2 || active.stream().anyMatch(p -> p.updatedAt() != null && p.updatedAt().isAfter(unchangedSince))) {
            return Optional.empty();
        }
        Optional<SmsProviderDetails> reduced = active.stream().filter(p -> p.identifier().equals(failed)).findFirst();
        Optional<SmsProviderDetails> raised = active.stream().filter(p -> !p.identifier().equals(failed)).findFirst();
        if (reduced.isEmpty() || raised.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(
                reduced.get().identifier(), Math.max(0, reduced.get().priority() - POINTS),
                raised.get().identifier(), Math.min(100, raised.get().priority() + POINTS)));
    }
}
