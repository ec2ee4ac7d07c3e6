package org.notifyhub.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The 201 body of POST /v2/notifications/email. */
public record PostEmailResponse(
        UUID id,
        String reference,
        Content content,
        String uri,
        TemplateLink template,
        @JsonProperty("scheduled_for") String scheduledFor) {

    public record Content(
            @JsonProperty("from_email") String fromEmail,
            String body,
            String subject,
            @JsonProperty("one_click_unsubscribe_url") String oneClickUnsubscribeUrl) {
    }

    public record TemplateLink(UUID id, int version, String uri) {
    }
}
