package org.notifyhub.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** The body of GET /v2/received-text-messages. */
public record V2ReceivedTextMessages(
        @JsonProperty("received_text_messages") List<Message> receivedTextMessages,
        Links links) {

    public record Message(
            UUID id,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("service_id") UUID serviceId,
            @JsonProperty("notify_number") String notifyNumber,
            @JsonProperty("user_number") String userNumber,
            String content) {
    }

    /** {@code next} is left out, not null, when the page is empty. */
    public record Links(String current, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }
}
