package org.notifyhub.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.common.Encryption;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.stereotype.Component;

/** Renders a notification's content from its template version and its (encrypted) personalisation. */
@Component
public class NotificationContent {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");

    public record Email(String subject, String plainText, String html) {
    }

    private final Encryption encryption;
    private final ObjectMapper mapper;

    public NotificationContent(Encryption encryption, ObjectMapper mapper) {
        this.encryption = encryption;
        this.mapper = mapper;
    }

    public Email email(StoredTemplate template, Map<String, Object> personalisation) {
        String body = fill(template.content(), personalisation);
        return new Email(fill(template.subject(), personalisation), body,
                "<!DOCTYPE html><html><body><p>" + body + "</p></body></html>");
    }

    public String encryptPersonalisation(Map<String, Object> personalisation) {
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

    private static String fill(String text, Map<String, Object> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
