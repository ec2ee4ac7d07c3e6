package org.notifyhub.common;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The queues are up when SQS answers a listing. */
@Component("queues")
public class QueueHealthIndicator extends AbstractHealthIndicator {

    private final SqsClient sqs;

    public QueueHealthIndicator(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int queues = sqs.listQueues(request -> request.maxResults(1000)).queueUrls().size();
        builder.up().withDetail("queues", queues);
    }
}
