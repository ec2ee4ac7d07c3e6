package org.notifyhub.api.v2.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.templates.Placeholders;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateType;

/** A template version as GET /v2/template and GET /v2/templates show it: every key present, null where empty. */
public record V2Template(
        UUID id,
        String type,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        int version,
        String body,
        String subject,
        String name,
        Map<String, Required> personalisation,
        String postage,
        @JsonProperty("letter_contact_block") String letterContactBlock) {

    /** How Notify describes each placeholder: always required, conditional ones included under their name. */
    public record Required(boolean required) {
    }

    private static final Required REQUIRED = new Required(true);

    public static V2Template of(StoredTemplate template, String letterContactBlockOrNull) {
        Map<String, Required> personalisation = new LinkedHashMap<>();
        for (String name : Placeholders.names(placeholderFields(template, letterContactBlockOrNull))) {
            personalisation.put(name, REQUIRED);
        }
        return new V2Template(template.id(), template.templateType(), NotifyTime.toWire(template.createdAt()),
                NotifyTime.toWire(template.updatedAt()), template.createdByEmail(), template.version(),
                template.content(), hasSubject(template) ? template.subject() : null, template.name(), personalisation,
                template.postage(), letterContactBlockOrNull);
    }

    /** The fields a template's placeholders come from, in the order Notify lists them. */
    static String[] placeholderFields(StoredTemplate template, String letterContactBlockOrNull) {
        return switch (TemplateType.fromWireName(template.templateType())) {
            case LETTER -> new String[] {letterContactBlockOrNull, template.subject(), template.content()};
            case EMAIL -> new String[] {template.subject(), template.content()};
            case SMS -> new String[] {template.content()};
        };
    }

    private static boolean hasSubject(StoredTemplate template) {
        return !TemplateType.SMS.is(template.templateType());
    }
}
