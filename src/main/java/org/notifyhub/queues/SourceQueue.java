package org.notifyhub.queues;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;

/** The queue an exchange was read from: Camel's SQS consumer sets no header naming it, its endpoint knows. */
public final class SourceQueue {

    private SourceQueue() {
    }

    /** The queue's name, or null when the exchange did not come from an SQS consumer. */
    public static String of(Exchange exchange) {
        Endpoint from = exchange == null ? null : exchange.getFromEndpoint();
        return from instanceof Sqs2Endpoint sqs ? sqs.getConfiguration().getQueueName() : null;
    }
}
