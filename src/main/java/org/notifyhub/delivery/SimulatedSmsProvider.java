package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.receipts.mapping.SmsReceipt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stands in for Firetext on the local default and for every test key: accepts the message, then sends
 * Firetext-shaped receipts back through the receipt queue after a delay the queue waits out. Notify's simulator
 * numbers decide the outcome: ...7700900003 is pending then declined (temporary failure), ...7700900002 is declined
 * (permanent failure), anything else is delivered.
 */
@Component
public class SimulatedSmsProvider implements SmsProvider {

    private final Outbox outbox;
    private final SimulatorFaults faults;
    private final ObjectMapper mapper;
    private final String receiptQueue;
    private final int delaySeconds;

    public SimulatedSmsProvider(Outbox outbox, SimulatorFaults faults, ObjectMapper mapper, QueueNames queues,
                                @Value("${notify.simulator.receipt-delay-seconds}") int delaySeconds) {
        this.outbox = outbox;
        this.faults = faults;
        this.mapper = mapper;
        this.receiptQueue = queues.smsCallbacks();
        this.delaySeconds = delaySeconds;
    }

    @Override
    public String name() {
        return "firetext";
    }

    @Override
    public void send(SmsMessage message) {
        faults.check(message.to());
        List<String> statuses = receiptStatuses(message.to());
        for (int i = 0; i < statuses.size(); i++) {
            SmsReceipt receipt = new SmsReceipt("firetext", message.notificationId().toString(), statuses.get(i), null);
            outbox.sendText(receiptQueue, json(receipt), delaySeconds * (i + 1));
        }
    }

    private String json(SmsReceipt receipt) {
        try {
            return mapper.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> receiptStatuses(String number) {
        if (number.endsWith("7700900003")) {
            return List.of("2", "1");
        }
        if (number.endsWith("7700900002")) {
            return List.of("1");
        }
        return List.of("0");
    }
}
