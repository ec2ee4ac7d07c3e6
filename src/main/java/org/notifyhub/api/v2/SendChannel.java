package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.api.v2.schemas.RequestSchema;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.recipients.PhoneNumber;
import org.notifyhub.services.Service;
import org.notifyhub.templates.PersonalisationSanitiser;
import org.notifyhub.templates.StoredTemplate;

/**
 * What differs between an email and a text message on their way through the {@link SendPipeline}.
 *
 * @param <R> the rendered message
 */
public interface SendChannel<R> {

    /** The notification type, which also names the permission and the template type a send needs. */
    NotificationType type();

    RequestSchema schema();

    /**
     * The personalisation the message is made and stored from, and what the response reports of it: an email
     * sanitises the values its request names in {@code sanitise_content_for}; a text message uses them as sent.
     */
    default PersonalisationSanitiser.Result prepare(JsonNode request, Map<String, Object> personalisation) {
        return new PersonalisationSanitiser.Result(personalisation, null);
    }

    /** The template fields whose placeholders must all be filled. */
    String[] placeholderFields(StoredTemplate template);

    /** Renders the message, refusing one that is empty or too long with Notify's texts. */
    R render(StoredTemplate template, Map<String, Object> personalisation, Service service);

    /** Reads and checks the recipient, including whether the service may send to it at all. */
    Recipient recipient(JsonNode request, Service service);

    /** Refuses a recipient the key may not send to (team keys, trial services). */
    void checkAllowed(AuthenticatedApiKey key, String normalisedRecipient);

    /** The sender (SMS) or reply-to (email) the request chose, else the default; refuses an unknown id. */
    String sender(Service service, JsonNode request);

    /** The {@code content} of the 201 response. */
    Object responseContent(R rendered, String sender, Service service, JsonNode request);

    /**
     * The row that makes the send durable, from the request and what the pipeline checked.
     *
     * @param documentDownloadCount the files sent by email with it, null for none
     */
    NotificationRow row(JsonNode request, UUID id, NotificationOrigin origin, Recipient recipient, R rendered,
                        String sender, String clientReference, String encryptedPersonalisation,
                        Integer documentDownloadCount);

    /**
     * A recipient as the notification row keeps it.
     *
     * @param simulated        one of Notify's simulated recipients: answered, never stored nor sent
     * @param phone            a text message's number as parsed; null for an email
     * @param internationalSms a text to a number that needs the international permission, and its daily limit
     */
    record Recipient(String to, String normalised, boolean simulated, PhoneNumber phone, boolean internationalSms) {
    }
}
