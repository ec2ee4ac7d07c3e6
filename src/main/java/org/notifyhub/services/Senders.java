package org.notifyhub.services;

import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who a send comes from, for every path that sends (API and CSV jobs): the sender or reply-to chosen for it, and when
 * none was chosen the default rule: a text goes from the service's default SMS sender, else Notify's; an email
 * carries the service's default reply-to, if it has one.
 */
@Component
public class Senders {

    private final SenderRepository senders;
    private final ServiceCache cache;
    private final String notifySmsSender;

    public Senders(SenderRepository senders, ServiceCache cache,
                   @Value("${notify.sms.default-sender}") String notifySmsSender) {
        this.senders = senders;
        this.cache = cache;
        this.notifySmsSender = notifySmsSender;
    }

    /** Read through the {@link ServiceCache}, as Notify reads a template's default sender from its cached copy. */
    public String defaultSmsSender(UUID serviceId) {
        return cache.defaultSmsSender(serviceId).orElse(notifySmsSender);
    }

    /** @return the reply-to address, or null when the service has no default */
    public String defaultReplyTo(UUID serviceId) {
        return cache.defaultReplyTo(serviceId).orElse(null);
    }

    /** The service's own, not archived, SMS sender with this id. */
    public Optional<String> smsSender(UUID serviceId, UUID senderId) {
        return senders.smsSender(serviceId, senderId);
    }

    /** The service's own, not archived, reply-to address with this id. */
    public Optional<String> replyTo(UUID serviceId, UUID replyToId) {
        return senders.replyTo(serviceId, replyToId);
    }
}
