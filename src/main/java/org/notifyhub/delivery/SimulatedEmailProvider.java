package org.notifyhub.delivery;

import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stands in for SES on the local default and for every test key: accepts the email, then posts an SES event back through the real
 * receipt path (the ses-callbacks queue) after a delay that the queue, not a thread, waits out.
 */
@Component
public class SimulatedEmailProvider implements EmailProvider {

    private final ProducerTemplate producer;
    private final SimulatorFaults faults;
    private final SimulatedSesEvents events;
    private final String receiptQueue;
    private final int delaySeconds;

    public SimulatedEmailProvider(ProducerTemplate producer, SimulatorFaults faults, SimulatedSesEvents events,
                                  @Value("${notify.queues.ses-callbacks}") String receiptQueue,
                                  @Value("${notify.simulator.receipt-delay-seconds}") int delaySeconds) {
        this.producer = producer;
        this.faults = faults;
        this.events = events;
        this.receiptQueue = receiptQueue;
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
        producer.sendBodyAndHeader("aws2-sqs://" + receiptQueue + "?autoCreateQueue=true",
                events.snsEnvelopeFor(messageId, message.from(), message.to()),
                Sqs2Constants.DELAY_HEADER, delaySeconds);
        return messageId;
    }
}
