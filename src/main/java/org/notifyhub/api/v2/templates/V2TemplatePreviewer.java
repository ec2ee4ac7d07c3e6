package org.notifyhub.api.v2.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.api.v2.RequestJson;
import org.notifyhub.api.v2.SendChecks;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.LetterRenderer;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.RenderedLetter;
import org.notifyhub.templates.SmsRenderer;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateType;
import org.springframework.stereotype.Component;

/**
 * POST /v2/template/{id}/preview: the current version filled in with the given personalisation. Notify renders
 * text messages here without the service-name prefix its sends add, so this does too.
 */
@Component
public class V2TemplatePreviewer {

    private final ObjectMapper mapper;
    private final V2TemplateLookup lookup;
    private final SendChecks checks;

    public V2TemplatePreviewer(ObjectMapper mapper, V2TemplateLookup lookup, SendChecks checks) {
        this.mapper = mapper;
        this.lookup = lookup;
        this.checks = checks;
    }

    public V2TemplatePreview preview(@Body String body, @Header("template_id") String templateId,
                                     @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key) {
        JsonNode request = RequestJson.parse(mapper, body);
        TemplateRequests.checkPreview(templateId, request);
        StoredTemplate template = lookup.findCurrent(key, TemplateRequests.templateId(templateId));
        String contactBlock = lookup.currentLetterContactBlock(template);
        Map<String, Object> personalisation = checks.personalisation(request);
        checks.allPlaceholdersFilled(personalisation, V2Template.placeholderFields(template, contactBlock));
        return switch (TemplateType.fromWireName(template.templateType())) {
            case EMAIL -> {
                RenderedEmail email = EmailRenderer.render(template.subject(), template.content(), personalisation);
                yield preview(template, email.body(), email.subject(), email.htmlBody());
            }
            case LETTER -> {
                RenderedLetter letter = LetterRenderer.render(template.subject(), template.content(), contactBlock,
                        personalisation);
                yield preview(template, letter.body(), letter.subject(), null);
            }
            case SMS -> preview(template, SmsRenderer.render(template.content(), personalisation, null).body(), null, null);
        };
    }

    private static V2TemplatePreview preview(StoredTemplate template, String body, String subject, String html) {
        return new V2TemplatePreview(template.id(), template.templateType(), template.version(), body, subject, html,
                template.postage());
    }
}
