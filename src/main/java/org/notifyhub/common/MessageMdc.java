package org.notifyhub.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Log lines carry the notification id, job id or file name of the message a consumer route is working on, and that
 * route's id (MDC keys {@value #NOTIFICATION_ID}, {@value #JOB_ID}, {@value #FILE_NAME}, {@value #ROUTE}), so one grep follows a message across routes and
 * nodes. They are read once, as the exchange enters its consumer route, from the queue message's JSON or the file
 * headers, and kept on the exchange; before every step of every route the exchange passes through (direct: routes,
 * split parts and error handlers included) they are put back on the thread that runs it, so Camel's thread hops and
 * nested exchanges (a ProducerTemplate send clears Camel's own MDC keys when it is done) cannot lose them.
 */
@Component
public class MessageMdc implements RoutePolicyFactory, InterceptStrategy {

    public static final String NOTIFICATION_ID = "notification_id";
    public static final String JOB_ID = "job_id";
    public static final String FILE_NAME = "file_name";
    /** The consumer route that took the message (JSON logs show it; the text pattern leaves it out). */
    public static final String ROUTE = "route";
    public static final List<String> KEYS = List.of(NOTIFICATION_ID, JOB_ID, FILE_NAME, ROUTE);

    private static final String PROPERTY = "notifyLogKeys";

    /** An SQS message is at most 256 KiB; anything longer is no queue message, and not worth parsing for a log. */
    private static final int MAX_JSON_CHARS = 262_144;

    private final ObjectMapper mapper;

    public MessageMdc(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition
                && (Boolean.TRUE.equals(definition.isRest()) || definition.getInput().getEndpointUri().startsWith("direct:"))) {
            return null;
        }
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                Map<String, String> keys = keysOf(exchange);
                keys.put(ROUTE, route.getRouteId());
                exchange.setProperty(PROPERTY, keys);
                // every key, set or removed: a consumer thread may still hold the last message's
                KEYS.forEach(MDC::remove);
                putBack(exchange);
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                KEYS.forEach(MDC::remove);
            }
        };
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                putBack(exchange);
                return super.process(exchange, callback);
            }
        };
    }

    /** An exchange no consumer route began (an API request, a ProducerTemplate send) leaves the MDC as it is. */
    private static void putBack(Exchange exchange) {
        if (exchange.getProperty(PROPERTY) instanceof Map<?, ?> keys) {
            keys.forEach((key, value) -> MDC.put((String) key, (String) value));
        }
    }

    /** The keys a message names: its JSON fields (a retry's inner task included), or the name of the file it is. */
    public Map<String, String> keysOf(Exchange exchange) {
        Map<String, String> keys = new LinkedHashMap<>();
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (fileName == null) {
            fileName = exchange.getMessage().getHeader("CamelAwsS3Key", String.class);
        }
        if (fileName != null) {
            keys.put(FILE_NAME, fileName);
        }
        if (exchange.getMessage().getBody() instanceof String body && body.startsWith("{") && body.length() <= MAX_JSON_CHARS) {
            keys.putAll(keysOf(body));
        }
        return keys;
    }

    Map<String, String> keysOf(String json) {
        Map<String, String> keys = new LinkedHashMap<>();
        JsonNode message;
        try {
            message = mapper.readTree(json);
        } catch (JsonProcessingException notJson) {
            return keys;
        }
        JsonNode notification = message.path("notification_id").isTextual() ? message.path("notification_id")
                : message.path("task").path("notification_id");
        if (!notification.isTextual() && "delivery_status".equals(message.path("callback_type").asText())) {
            notification = message.path("subject_id");
        }
        if (notification.isTextual()) {
            keys.put(NOTIFICATION_ID, notification.asText());
        }
        if (message.path("job_id").isTextual()) {
            keys.put(JOB_ID, message.path("job_id").asText());
        } else if (message.path("job_ids").isArray() && !message.path("job_ids").isEmpty()) {
            keys.put(JOB_ID, StreamSupport.stream(message.path("job_ids").spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.joining(",")));
        }
        return keys;
    }
}
