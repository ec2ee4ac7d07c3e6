package org.notifyhub.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notifyhub.common.Encryption;
import org.notifyhub.services.Service;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.EmailText;
import org.notifyhub.templates.LetterRenderer;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.RenderedLetter;
import org.notifyhub.templates.RenderedSms;
import org.notifyhub.templates.SmsRenderer;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.stereotype.Component;

/** Renders a notification's content from its template version and its (encrypted) personalisation. */
@Component
public class NotificationContent {

    private final Encryption encryption;
    private final ObjectMapper mapper;

    public NotificationContent(Encryption encryption, ObjectMapper mapper) {
        this.encryption = encryption;
        this.mapper = mapper;
    }

    public RenderedEmail email(StoredTemplate template, Map<String, ?> personalisation) {
        return EmailRenderer.render(template.subject(), template.content(), personalisation);
    }

    /** The subject and body alone, as the API answers an accepted email; the send renders the rest. */
    public EmailText emailText(StoredTemplate template, Map<String, ?> personalisation) {
        return EmailRenderer.text(template.subject(), template.content(), personalisation);
    }

    public RenderedSms sms(StoredTemplate template, Map<String, ?> personalisation, Service service) {
        return SmsRenderer.render(template.content(), personalisation, service.prefixSms() ? service.name() : null);
    }

    public RenderedLetter letter(StoredTemplate template, Map<String, ?> personalisation) {
        return LetterRenderer.render(template.subject(), template.content(), null, personalisation);
    }

    public String encryptPersonalisation(Map<String, ?> personalisation) {
        try {
            return encryption.encrypt(mapper.writeValueAsString(personalisation));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Personalisation is not serialisable", e);
        }
    }

    public Map<String, Object> decryptPersonalisation(String encrypted) {
        if (encrypted == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(encryption.decrypt(encrypted), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored personalisation is not JSON", e);
        }
    }
}
