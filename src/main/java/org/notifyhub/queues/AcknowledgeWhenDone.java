package org.notifyhub.queues;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.model.AggregateDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SQS consumers leave deleting to this policy ({@code delete-after-read: false}): when a message's exchange
 * completes — processed, or handled by its route's error handling, which has queued what must come again — the
 * message is deleted through {@link Acknowledgements}, in batches with others completing at the same moment. An
 * exchange that fails unhandled keeps its message, which comes back after the visibility timeout, as before. The
 * receipt handle is taken when the exchange begins, so a route that clears its headers still deletes its message. A
 * route that gathers each poll into a batch ({@link PollBatches}) deletes the batch's messages itself.
 */
@Component
public class AcknowledgeWhenDone implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeWhenDone.class);

    private final Acknowledgements acknowledgements;

    public AcknowledgeWhenDone(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (gathersPolls(route)) {
            return null;
        }
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route started, Exchange exchange) {
                if (started.getEndpoint() instanceof Sqs2Endpoint queue && !queue.getConfiguration().isDeleteAfterRead()) {
                    String handle = exchange.getIn().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class);
                    if (handle != null) {
                        String queueName = queue.getConfiguration().getQueueName();
                        exchange.getExchangeExtension().addOnCompletion(new Delete(queueName, handle));
                    }
                }
            }
        };
    }

    /** A route that gathers each poll into a batch with {@link PollBatches} deletes the batch's messages itself. */
    private static boolean gathersPolls(NamedNode route) {
        return route instanceof RouteDefinition definition && definition.getOutputs().stream()
                .anyMatch(step -> step instanceof AggregateDefinition aggregate
                        && (aggregate.getAggregationStrategyBean() instanceof PollBatches
                        || List.of(PollBatches.BEAN, "#" + PollBatches.BEAN, "#bean:" + PollBatches.BEAN)
                                .contains(aggregate.getAggregationStrategy())));
    }

    private final class Delete extends SynchronizationAdapter {

        private final String queueName;
        private final String handle;

        Delete(String queueName, String handle) {
            this.queueName = queueName;
            this.handle = handle;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                acknowledgements.delete(queueName, handle);
            } catch (RuntimeException e) {
                LOG.warn("Could not delete a message from {}; it comes back after its visibility timeout: {}",
                        queueName, e.getMessage());
            }
        }
    }
}
