package org.notifyhub.delivery;

import java.util.UUID;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stands in for SES on the local default and for every test key: accepts the email, then posts an SES event back through the real
 * receipt path (the ses-callbacks queue) after a delay that the queue, not a thread, waits out.
 */
@Component
public class SimulatedEmailProvider implements EmailProvider {

    private final Outbox outbox;
    private final SimulatorFaults faults;
    private final SimulatedSesEvents events;
    private final String receiptQueue;
    private final int delaySeconds;

    public SimulatedEmailProvider(Outbox outbox, SimulatorFaults faults, SimulatedSesEvents events, QueueNames queues,
                                  @Value("${notify.simulator.receipt-delay-seconds}") int delaySeconds) {
        this.outbox = outbox;
        this.faults = faults;
        this.events = events;
        this.receiptQueue = queues.sesCallbacks();
        this.delaySeconds = delaySeconds;
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public String send(EmailMessage message) {
        faults.check(message.to());
        String messageId = "0102" + UUID.randomUUID().toString().replace("-", "") + "-000000";
        outbox.sendText(receiptQueue, events.snsEnvelopeFor(messageId, message.from(), message.to(), message.notificationId().toString()), delaySeconds);
        return messageId;
    }
}
