package org.notifyhub.api.v2.templates;

import java.util.OptionalInt;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.api.v2.schemas.QueryArgs;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.springframework.stereotype.Component;

/**
 * GET /v2/template/{id}[/version/{n}] and GET /v2/templates. Only the caller's service's templates are found;
 * hidden ones never are, archived ones are by id but are left out of the list.
 */
@Component
public class V2TemplateLookup {

    private final TemplateRepository templates;

    public V2TemplateLookup(TemplateRepository templates) {
        this.templates = templates;
    }

    public V2Template latest(@Header("template_id") String templateId,
                             @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key) {
        return current(key, TemplateRequests.templateId(templateId));
    }

    public V2Template version(@Header("template_id") String templateId, @Header("version") String version,
                              @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key) {
        OptionalInt wanted = TemplateRequests.version(version);
        UUID id = TemplateRequests.templateId(templateId);
        if (wanted.isEmpty()) {
            return current(key, id);
        }
        StoredTemplate template = visible(templates.findVersion(key.service().id(), id, wanted.getAsInt())
                .orElseThrow(V2ApiException::notFound));
        String contactBlock = isLetter(template)
                ? templates.findLetterContactBlock(id, template.version()).orElse(null) : null;
        return V2Template.of(template, contactBlock);
    }

    public V2TemplateList all(@Header(Exchange.HTTP_QUERY) String query,
                              @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key) {
        String type = TemplateRequests.listType(QueryArgs.parse(query));
        return new V2TemplateList(templates.findAllCurrent(key.service().id(), type).stream()
                .map(template -> V2Template.of(template, currentLetterContactBlock(template)))
                .toList());
    }

    /** The current version of one of the service's templates that the public API may see, or a 404. */
    StoredTemplate findCurrent(AuthenticatedApiKey key, UUID templateId) {
        return visible(templates.findLatest(key.service().id(), templateId).orElseThrow(V2ApiException::notFound));
    }

    /** Only letters print a contact block, so only they are looked up. */
    String currentLetterContactBlock(StoredTemplate template) {
        return isLetter(template) ? templates.findLetterContactBlock(template.id()).orElse(null) : null;
    }

    private V2Template current(AuthenticatedApiKey key, UUID templateId) {
        StoredTemplate template = findCurrent(key, templateId);
        return V2Template.of(template, currentLetterContactBlock(template));
    }

    private static StoredTemplate visible(StoredTemplate template) {
        if (template.hidden()) {
            throw V2ApiException.notFound();
        }
        return template;
    }

    private static boolean isLetter(StoredTemplate template) {
        return TemplateType.LETTER.is(template.templateType());
    }
}
