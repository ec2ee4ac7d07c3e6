package org.notifyhub.api.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** The body of GET /v2/received-text-messages; its links are those of every v2 list. */
public record V2ReceivedTextMessages(
        @JsonProperty("received_text_messages") List<Message> receivedTextMessages,
        NotificationListing.Links links) {

    public record Message(
            UUID id,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("service_id") UUID serviceId,
            @JsonProperty("notify_number") String notifyNumber,
            @JsonProperty("user_number") String userNumber,
            String content) {
    }
}
