package org.notifyhub.queues;

import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.support.DefaultExchange;
import org.notifyhub.queues.ReceivedBatch.ReceivedMessage;
import org.springframework.stereotype.Component;

/**
 * Gathers the messages of one SQS poll into a {@link ReceivedBatch} (with {@code completionFromBatchConsumer}), for
 * routes that work on a poll's messages together. Each message's own exchange completes as it joins the batch, so
 * {@link AcknowledgeWhenDone} leaves such routes alone: the batch's route deletes the messages once their work is
 * written ({@link Acknowledgements#acknowledge}), and a batch that fails leaves them all to come back.
 */
@Component(PollBatches.BEAN)
public class PollBatches implements AggregationStrategy {

    public static final String BEAN = "pollBatches";

    @Override
    public Exchange aggregate(Exchange gathered, Exchange received) {
        ReceivedMessage message = new ReceivedMessage(Received.body(received),
                received.getIn().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class));
        Exchange batch = gathered;
        if (batch == null) {
            batch = new DefaultExchange(received.getContext());
            batch.getIn().setBody(new ReceivedBatch(Received.queue(received), List.of(message)));
        } else {
            batch.getIn().setBody(batch.getIn().getBody(ReceivedBatch.class).with(message));
        }
        // completionFromBatchConsumer reads the poll's size from the gathered exchange
        batch.setProperty(ExchangePropertyKey.BATCH_SIZE, received.getProperty(ExchangePropertyKey.BATCH_SIZE));
        return batch;
    }
}
