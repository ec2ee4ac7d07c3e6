package org.notifyhub.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts many messages on a queue ten to a request (SQS's batch limit), for the flows that make thousands of tasks at
 * once: job rows and the sends they lead to. Any refused entry fails the whole call, so the caller never goes on as
 * if a task were queued when it is not; what was queued before the failure is safe to queue again.
 */
@Component
public class SqsBatches {

    /** SQS allows 10 entries and 256 KiB in one batch; stay clear of the byte limit. */
    public static final int MAX_ENTRIES = 10;
    public static final int MAX_BATCH_BYTES = 200 * 1024;

    private final SqsClient sqs;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public SqsBatches(SqsClient sqs) {
        this.sqs = sqs;
    }

    public void send(String queue, List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(MAX_ENTRIES);
        int bytes = 0;
        for (String body : bodies) {
            int size = body.length();
            if (!entries.isEmpty() && (entries.size() == MAX_ENTRIES || bytes + size > MAX_BATCH_BYTES)) {
                sendBatch(queue, entries);
                entries = new ArrayList<>(MAX_ENTRIES);
                bytes = 0;
            }
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size())).messageBody(body).build());
            bytes += size;
        }
        if (!entries.isEmpty()) {
            sendBatch(queue, entries);
        }
    }

    private void sendBatch(String queue, List<SendMessageBatchRequestEntry> entries) {
        SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(url(queue)).entries(entries));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("SQS refused " + response.failed().size() + " of " + entries.size()
                    + " messages for " + queue + ": " + response.failed().get(0).message());
        }
    }

    private String url(String queue) {
        return urls.computeIfAbsent(queue, name -> {
            try {
                return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            } catch (QueueDoesNotExistException e) {
                return sqs.createQueue(request -> request.queueName(name)).queueUrl();
            }
        });
    }
}
