package org.notifyhub.queues;

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The outbox's SQS endpoints turn no header into a message attribute: a message means what its body says, and the
 * caller's headers (HTTP request headers, form fields, the consumer's receipt handle) stay where they are.
 */
@Component(OutboxHeaders.BEAN)
public class OutboxHeaders extends DefaultHeaderFilterStrategy {

    public static final String BEAN = "outboxHeaders";

    public OutboxHeaders() {
        setOutFilterPattern(".*");
    }
}
