package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A broadcast-tasks message, named by its task as Notify's Celery tasks were: send-broadcast-event (fan an event out
 * to the operators), send-broadcast-provider-message (one event to one operator; {@code retries} failed attempts so
 * far) and trigger-link-test (one operator's proxies, no event).
 */
public record BroadcastTask(String task, @JsonProperty("broadcast_event_id") UUID broadcastEventId, String provider,
                            int retries) implements QueueMessage {

    public static final String SEND_EVENT = "send-broadcast-event";
    public static final String SEND_PROVIDER_MESSAGE = "send-broadcast-provider-message";
    public static final String LINK_TEST = "trigger-link-test";

    public static BroadcastTask sendEvent(UUID eventId) {
        return new BroadcastTask(SEND_EVENT, eventId, null, 0);
    }

    public static BroadcastTask sendTo(UUID eventId, String provider) {
        return new BroadcastTask(SEND_PROVIDER_MESSAGE, eventId, provider, 0);
    }

    public static BroadcastTask linkTest(String provider) {
        return new BroadcastTask(LINK_TEST, null, provider, 0);
    }

    public BroadcastTask retried() {
        return new BroadcastTask(task, broadcastEventId, provider, retries + 1);
    }
}
