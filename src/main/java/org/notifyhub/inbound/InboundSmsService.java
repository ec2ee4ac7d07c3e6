package org.notifyhub.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An inbound text message is stored for the service whose inbound number it was sent to, content encrypted. A
 * number that is no service's, or a service without the inbound_sms permission, is still acknowledged (the
 * provider must not send it again) and the message dropped.
 */
@Component
public class InboundSmsService {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsService.class);

    private final InboundSmsRepository repository;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ServiceCallbacks callbacks;

    public InboundSmsService(InboundSmsRepository repository, MeterRegistry metrics, Clock clock,
                             ServiceCallbacks callbacks) {
        this.repository = repository;
        this.metrics = metrics;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    public InboundSmsReply receive(@Body InboundSmsMessage message) {
        String number = nationalNumber(message.number());
        Optional<InboundSmsRecipient> recipient = recipient(number, message.provider());
        if (recipient.isEmpty()) {
            return "mmg".equals(message.provider()) ? InboundSmsReply.RECEIVED : InboundSmsReply.OK;
        }
        InboundSms sms = new InboundSms(UUID.randomUUID(), LocalDateTime.now(clock), recipient.get().serviceId(),
                recipient.get().number(), normalisedSender(message.from()), message.provider(), message.providerDate(),
                message.providerReference(), message.content());
        repository.insert(sms);
        metrics.counter("inbound_sms", "provider", message.provider()).increment();
        log.info("Service {} received inbound SMS {} with reference {} from {}", sms.serviceId(), sms.id(),
                message.providerReference(), message.provider());
        callbacks.queueInboundSms(sms.serviceId(), sms.callback());
        return InboundSmsReply.OK;
    }

    /** Providers write our numbers as 44…; inbound_numbers holds them as 0…. */
    static String nationalNumber(String number) {
        return number.startsWith("44") ? "0" + number.substring(2) : number;
    }

    /** Normalised like a recipient (447…); a number that is not valid is kept as the provider sent it. */
    static String normalisedSender(String from) {
        try {
            return PhoneNumbers.parse(from).normalised();
        } catch (InvalidRecipientException e) {
            return from;
        }
    }

    private Optional<InboundSmsRecipient> recipient(String number, String provider) {
        Optional<InboundSmsRecipient> found = repository.findRecipient(number);
        if (found.isEmpty()) {
            log.warn("Inbound number {} from {} is not associated with a service; the message is dropped", number, provider);
        } else if (!found.get().inboundSmsAllowed()) {
            log.error("Service {} does not allow inbound SMS; a message from {} is dropped", found.get().serviceId(), provider);
        }
        return found.filter(InboundSmsRecipient::inboundSmsAllowed);
    }
}
