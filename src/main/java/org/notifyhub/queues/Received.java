package org.notifyhub.queues;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;

/**
 * What an SQS consumer route received, for its failure handlers: the queue (Camel's SQS consumer sets no header
 * naming it; its endpoint knows) and the message as it came off that queue (Camel's original message, kept for the
 * routes whose route configuration asks for it with useOriginalMessage).
 */
public final class Received {

    private Received() {
    }

    /** The queue's name, or null when the exchange did not come from an SQS consumer. */
    public static String queue(Exchange exchange) {
        Endpoint from = exchange == null ? null : exchange.getFromEndpoint();
        return from instanceof Sqs2Endpoint sqs ? sqs.getConfiguration().getQueueName() : null;
    }

    /** The body as received, whatever the route has made of the message since. */
    public static String body(Exchange exchange) {
        Message original = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getOriginalInMessage();
        return (original != null ? original : exchange.getIn()).getBody(String.class);
    }
}
