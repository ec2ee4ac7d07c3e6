package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.notifyhub.services.CallbackType;

/**
 * The message on service-callbacks and service-callbacks-retry: everything the POST needs, so the worker never reads
 * the database. The bearer token stays encrypted as stored; the payload (which holds recipients and message text) is
 * encrypted JSON.
 *
 * @param subjectId the notification, complaint or inbound SMS the callback is about, for the logs
 * @param attempt   how many POSTs have failed before this one
 * @param dueAt     epoch milliseconds before which a retry is not made; 0 for a first attempt
 */
public record ServiceCallbackTask(
        @JsonProperty("callback_type") CallbackType callbackType,
        @JsonProperty("service_id") UUID serviceId,
        @JsonProperty("subject_id") UUID subjectId,
        @JsonProperty("url") String url,
        @JsonProperty("bearer_token") String encryptedBearerToken,
        @JsonProperty("payload") String encryptedPayload,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("due_at") long dueAt) implements QueueMessage {

    public ServiceCallbackTask retryAt(long dueAtMillis) {
        return new ServiceCallbackTask(callbackType, serviceId, subjectId, url, encryptedBearerToken, encryptedPayload,
                attempt + 1, dueAtMillis);
    }
}
