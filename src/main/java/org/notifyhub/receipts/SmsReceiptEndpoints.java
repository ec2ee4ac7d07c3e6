package org.notifyhub.receipts;

import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.notifyhub.common.FormFields;
import org.notifyhub.receipts.mapping.FiretextReceiptParser;
import org.notifyhub.receipts.mapping.MmgReceiptParser;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.springframework.stereotype.Component;

/**
 * POST /notifications/sms/firetext and /mmg: a provider's delivery receipt is checked and read here, then queued
 * on sms-callbacks for process-sms-client-response; nothing else happens while the provider waits.
 */
@Component
public class SmsReceiptEndpoints {

    private static final Map<String, String> SUCCESS = Map.of("result", "success");

    private final FiretextReceiptParser firetext;
    private final MmgReceiptParser mmg;
    private final String receiptQueue;

    public SmsReceiptEndpoints(FiretextReceiptParser firetext, MmgReceiptParser mmg, QueueNames queues) {
        this.firetext = firetext;
        this.mmg = mmg;
        this.receiptQueue = queues.smsCallbacks();
    }

    /**
     * The receipt for sms-callbacks.
     *
     * @throws org.notifyhub.receipts.mapping.InvalidReceiptException when status or reference is missing
     */
    public Outgoing firetext(@Headers Map<String, Object> headers) {
        return Outgoing.now(receiptQueue,
                firetext.parse(FormFields.of(headers, "status", "reference", "code", "mobile", "time")));
    }

    /**
     * The receipt for sms-callbacks.
     *
     * @throws org.notifyhub.receipts.mapping.InvalidReceiptException when status or CID is missing
     */
    public Outgoing mmg(@Body String json) {
        return Outgoing.now(receiptQueue, mmg.parse(json));
    }

    public Map<String, String> accepted() {
        return SUCCESS;
    }
}
