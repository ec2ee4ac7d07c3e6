package org.notifyhub.api.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.templates.PersonalisationSanitiser;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The 201 bodies of POST /v2/notifications/{sms,email,letter}. */
@Component
public class SendResponses {

    public record TemplateLink(UUID id, int version, String uri) {
    }

    /** {@code sanitised_content} is an email's alone: always there for an email ({} when nothing changed), never else. */
    public record Sent(UUID id, String reference, Object content, String uri, TemplateLink template,
                       @JsonProperty("scheduled_for") String scheduledFor,
                       @JsonProperty("sanitised_content") @JsonInclude(JsonInclude.Include.NON_NULL)
                       Map<String, PersonalisationSanitiser.Change> sanitisedContent) {
    }

    public record SmsContent(String body, @JsonProperty("from_number") String fromNumber) {
    }

    public record EmailContent(@JsonProperty("from_email") String fromEmail, String body, String subject,
                               @JsonProperty("one_click_unsubscribe_url") String oneClickUnsubscribeUrl) {
    }

    public record LetterContent(String body, String subject) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PrecompiledSent(UUID id, String reference, String postage) {
    }

    private final String configuredBaseUrl;

    public SendResponses(@Value("${notify.base-url:}") String configuredBaseUrl) {
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public Sent sent(UUID id, String clientReference, Object content, StoredTemplate template, String requestUrl) {
        return sent(id, clientReference, content, template, requestUrl, null);
    }

    /** @param sanitisedContent what sanitise_content_for changed: for an email, never null; else null */
    public Sent sent(UUID id, String clientReference, Object content, StoredTemplate template, String requestUrl,
                     Map<String, PersonalisationSanitiser.Change> sanitisedContent) {
        String baseUrl = BaseUrl.of(configuredBaseUrl, requestUrl);
        return new Sent(id, clientReference, content, baseUrl + "/v2/notifications/" + id,
                new TemplateLink(template.id(), template.version(),
                        baseUrl + "/services/" + template.serviceId() + "/templates/" + template.id()),
                null, sanitisedContent);
    }
}
