package org.notifyhub.api.v2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.services.Service;
import org.notifyhub.templates.Placeholders;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The checks every send shares, in Notify's order and with its texts. */
@Component
public class SendChecks {

    private final ObjectMapper mapper;
    private final TemplateCache templates;
    private final int maxUnusedPersonalisationBytes;

    public SendChecks(ObjectMapper mapper, TemplateCache templates,
                      @Value("${notify.api.max-unused-personalisation-bytes}") int maxUnusedPersonalisationBytes) {
        this.mapper = mapper;
        this.templates = templates;
        this.maxUnusedPersonalisationBytes = maxUnusedPersonalisationBytes;
    }

    public void permission(Service service, NotificationType notificationType) {
        if (!service.hasPermission(notificationType.wireName())) {
            throw V2ApiException.badRequest("Service is not allowed to send " + switch (notificationType) {
                case SMS -> "text messages";
                case EMAIL -> "emails";
                case LETTER -> "letters";
            });
        }
    }

    /**
     * Letters are never sent with a team key, nor by a trial service but with a test key. Notify asks this only once
     * the request, the permission and (for a templated letter) the template have passed.
     */
    public void keyMaySendLetters(AuthenticatedApiKey key) {
        KeyType keyType = KeyType.fromWireName(key.keyType());
        if (keyType == KeyType.TEAM) {
            throw V2ApiException.badRequest(403, "Cannot send letters with a team api key");
        }
        if (key.service().restricted() && keyType != KeyType.TEST) {
            throw V2ApiException.badRequest(403, "Cannot send letters when service is in trial mode");
        }
    }

    public StoredTemplate template(Service service, JsonNode request, NotificationType notificationType) {
        UUID templateId = UUID.fromString(request.get("template_id").asText());
        StoredTemplate template = templates.findLatest(service.id(), templateId)
                .orElseThrow(() -> V2ApiException.badRequest("Template not found"));
        if (template.archived()) {
            throw V2ApiException.badRequest("Template has been deleted");
        }
        if (!template.templateType().equals(notificationType.wireName())) {
            throw V2ApiException.badRequest(template.templateType() + " template is not suitable for "
                    + notificationType + " notification");
        }
        return template;
    }

    public Map<String, Object> personalisation(JsonNode request) {
        JsonNode value = request.get("personalisation");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        return mapper.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    public void allPlaceholdersFilled(Map<String, Object> personalisation, String... fields) {
        List<String> missing = Placeholders.missing(personalisation, fields);
        if (!missing.isEmpty()) {
            throw V2ApiException.badRequest("Missing personalisation: " + String.join(", ", missing));
        }
    }

    /**
     * Values no placeholder uses are stored with the notification but never sent, so only the request size bounds
     * them; they are held to the personalisation size limit of GC Notify (Notify's fork that has one), in its words.
     * Used values are bounded by the message length checks instead. File objects (document download) don't count.
     *
     * @param alsoUsed keys read other than as placeholders (a letter's address lines)
     */
    public void unusedPersonalisationWithinLimit(Map<String, Object> personalisation, List<String> alsoUsed,
                                                 String... fields) {
        Set<String> used = new HashSet<>();
        Placeholders.names(fields).forEach(name -> used.add(Placeholders.normalise(name)));
        alsoUsed.forEach(name -> used.add(Placeholders.normalise(name)));
        long bytes = 0;
        for (Map.Entry<String, Object> entry : personalisation.entrySet()) {
            Object value = entry.getValue();
            if (value != null && !(value instanceof Map) && !used.contains(Placeholders.normalise(entry.getKey()))) {
                bytes += String.valueOf(value).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (bytes > maxUnusedPersonalisationBytes) {
            throw V2ApiException.validation("Personalisation variables size of " + bytes
                    + " bytes is greater than allowed limit of " + maxUnusedPersonalisationBytes + " bytes.");
        }
    }

    public static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
