package org.notifyhub.queues;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes consumed messages from their queues, ten to a DeleteMessageBatch call: the messages whose exchanges
 * complete while a call is under way go together in the next one ({@link GroupCommit}). A caller returns once its
 * message is deleted; a delete that fails leaves the message to come back after its visibility timeout, and every
 * consumer is idempotent.
 */
@Component
public class Acknowledgements {

    private final SqsClient sqs;
    private final int batchesInFlight;
    private final Map<String, GroupCommit<String>> lanes = new ConcurrentHashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public Acknowledgements(SqsClient sqs, @Value("${notify.sqs.batches-in-flight}") int batchesInFlight) {
        this.sqs = sqs;
        this.batchesInFlight = batchesInFlight;
    }

    /** Deletes the message received from {@code queueName} with {@code receiptHandle}. */
    public void delete(String queueName, String receiptHandle) {
        lanes.computeIfAbsent(queueName, this::lane).submit(receiptHandle);
    }

    /** Deletes what a batch's route has done with: ten to a call, from this one caller. */
    public void acknowledge(@Body ReceivedBatch batch) {
        List<String> handles = batch.messages().stream().map(ReceivedBatch.ReceivedMessage::receiptHandle).toList();
        for (int from = 0; from < handles.size(); from += Outbox.MAX_BATCH_ENTRIES) {
            List<String> part = handles.subList(from, Math.min(handles.size(), from + Outbox.MAX_BATCH_ENTRIES));
            deleteAll(batch.queue(), url(batch.queue()), part);
        }
    }

    private GroupCommit<String> lane(String queueName) {
        String url = url(queueName);
        return new GroupCommit<>(Outbox.MAX_BATCH_ENTRIES, Integer.MAX_VALUE, batchesInFlight, handle -> 0,
                handles -> deleteAll(queueName, url, handles));
    }

    private String url(String queueName) {
        return urls.computeIfAbsent(queueName, name -> sqs.getQueueUrl(request -> request.queueName(name)).queueUrl());
    }

    private void deleteAll(String queueName, String url, List<String> handles) {
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request.queueUrl(url)
                .entries(IntStream.range(0, handles.size())
                        .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                                .receiptHandle(handles.get(i)).build())
                        .toList()));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            throw new IllegalStateException("SQS did not delete " + response.failed().size() + " of " + handles.size()
                    + " messages from " + queueName + ": " + response.failed().get(0).message());
        }
    }
}
