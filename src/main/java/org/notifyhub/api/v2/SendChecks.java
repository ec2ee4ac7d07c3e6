package org.notifyhub.api.v2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.services.Service;
import org.notifyhub.templates.Placeholders;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateCache;
import org.springframework.stereotype.Component;

/** The checks every send shares, in Notify's order and with its texts. */
@Component
public class SendChecks {

    private final ObjectMapper mapper;
    private final TemplateCache templates;

    public SendChecks(ObjectMapper mapper, TemplateCache templates) {
        this.mapper = mapper;
        this.templates = templates;
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

    public static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
