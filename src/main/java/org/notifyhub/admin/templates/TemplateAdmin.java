package org.notifyhub.admin.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.services.SenderAdminRepository;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.services.TeamRepository;
import org.notifyhub.templates.TemplateDraft;
import org.notifyhub.templates.TemplateHistoryRepository;
import org.notifyhub.templates.TemplateType;
import org.notifyhub.templates.TemplateVersion;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/template: create a template (version 1), save changes as new versions (archiving is one),
 * and read the current version, any version, or all of them.
 */
@Component
public class TemplateAdmin {

    static final List<String> TYPES = TemplateType.wireNames();
    static final List<String> POSTAGE = List.of("first", "second", "economy");
    private static final int MAX_NAME_LENGTH = 255;
    private static final Map<String, String> PUBLIC_NAMES = Map.of(TemplateType.SMS.wireName(), "text message",
            TemplateType.EMAIL.wireName(), "email", TemplateType.LETTER.wireName(), "letter");

    private final TemplateHistoryRepository templates;
    private final ServiceRepository services;
    private final TeamRepository team;
    private final SenderAdminRepository letterContacts;
    private final SenderRepository senders;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TemplateAdmin(TemplateHistoryRepository templates, ServiceRepository services, TeamRepository team,
                         SenderAdminRepository letterContacts, SenderRepository senders, ObjectMapper mapper,
                         Clock clock) {
        this.templates = templates;
        this.services = services;
        this.team = team;
        this.letterContacts = letterContacts;
        this.senders = senders;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {name, template_type, content, subject (email, letter), created_by, postage (letter), reply_to (letter)}. */
    public Data<TemplateView> create(@Header("service_id") String serviceIdText, @Body String body) {
        Service service = services.find(PathIds.parse(serviceIdText)).orElseThrow(AdminApiException::notFound);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        String name = request.requiredString("name", MAX_NAME_LENGTH);
        String type = request.requiredString("template_type");
        if (type != null && !TYPES.contains(type)) {
            type = request.reject("template_type", "template_type " + type + " is not one of [sms, email, letter]");
        }
        String content = request.requiredString("content");
        String subject = TemplateType.SMS.is(type) ? null
                : (type == null ? request.string("subject") : request.requiredString("subject"));
        UUID createdBy = creator(request, null);
        String postage = postage(request, TemplateType.LETTER.is(type) ? "second" : null);
        UUID replyTo = request.uuid("reply_to");
        request.validate();
        if (!service.hasPermission(type)) {
            throw forbidden("Creating", type);
        }
        TemplateDraft draft = new TemplateDraft(name, type, content, subject, TemplateType.LETTER.is(type) ? postage : null,
                false, "normal", TemplateType.LETTER.is(type) ? replyTo : null, createdBy);
        check(service.id(), draft);
        UUID id = UUID.randomUUID();
        templates.create(id, service.id(), draft, LocalDateTime.now(clock));
        return new Data<>(current(service.id(), id));
    }

    /**
     * The request's fields over the current version; a change is saved as a new version, so notifications already
     * sent keep pointing at the version they used. A request that changes nothing saves nothing.
     */
    public Data<TemplateView> update(@Header("service_id") String serviceIdText, @Header("template_id") String templateId,
                                     @Body String body) {
        UUID serviceId = PathIds.parse(serviceIdText);
        TemplateVersion currentVersion = templates.findCurrent(serviceId, PathIds.parse(templateId))
                .orElseThrow(AdminApiException::notFound);
        TemplateDraft current = currentVersion.draft();
        Service service = services.find(serviceId).orElseThrow(AdminApiException::notFound);
        if (!service.hasPermission(current.templateType())) {
            throw forbidden("Updating", current.templateType());
        }
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        String type = request.string("template_type");
        if (type != null && !type.equals(current.templateType())) {
            request.reject("template_type", "template_type cannot be changed");
        }
        boolean letter = TemplateType.LETTER.is(current.templateType());
        Boolean archived = request.bool("archived");
        TemplateDraft updated = new TemplateDraft(
                keep(request.string("name", MAX_NAME_LENGTH), current.name()),
                current.templateType(),
                keep(request.string("content"), current.content()),
                keep(request.string("subject"), current.subject()),
                letter ? postage(request, current.postage()) : null,
                archived != null ? archived : current.archived(),
                current.processType(),
                letter && request.has("reply_to") ? request.uuid("reply_to") : current.letterContactId(),
                creator(request, current.createdById()));
        request.validate();
        if (updated.equals(current)) {
            return new Data<>(view(currentVersion));
        }
        check(serviceId, updated);
        templates.saveNewVersion(currentVersion.id(), updated, LocalDateTime.now(clock));
        return new Data<>(current(serviceId, currentVersion.id()));
    }

    public Data<TemplateView> get(@Header("service_id") String serviceId, @Header("template_id") String templateId) {
        return new Data<>(current(PathIds.parse(serviceId), PathIds.parse(templateId)));
    }

    /** A service's templates that are not archived. */
    public Data<List<TemplateView>> list(@Header("service_id") String serviceId) {
        return new Data<>(templates.findAllCurrent(PathIds.parse(serviceId)).stream().map(this::view).toList());
    }

    public Data<TemplateView> version(@Header("service_id") String serviceId, @Header("template_id") String templateId,
                                      @Header("version") String version) {
        if (version == null || !version.matches("\\d{1,9}")) {
            throw AdminApiException.notFound();
        }
        return new Data<>(templates.findVersion(PathIds.parse(serviceId), PathIds.parse(templateId),
                        Integer.parseInt(version))
                .map(t -> TemplateView.history(t, replyToText(t)))
                .orElseThrow(AdminApiException::notFound));
    }

    /** Every version, newest first; 404 when there is no such template. */
    public Data<List<TemplateView>> versions(@Header("service_id") String serviceId,
                                             @Header("template_id") String templateId) {
        List<TemplateVersion> versions = templates.findVersions(PathIds.parse(serviceId), PathIds.parse(templateId));
        if (versions.isEmpty()) {
            throw AdminApiException.notFound();
        }
        return new Data<>(versions.stream().map(t -> TemplateView.history(t, replyToText(t))).toList());
    }

    /** The rules Notify checks before saving any version. */
    private void check(UUID serviceId, TemplateDraft draft) {
        if (!TemplateType.SMS.is(draft.templateType()) && (draft.subject() == null || draft.subject().isBlank())) {
            throw AdminApiException.invalid("subject", "Invalid template subject");
        }
        if (TemplateType.SMS.is(draft.templateType()) && SmsTemplateLength.isTooLong(draft.content())) {
            throw AdminApiException.invalid("content",
                    "Content has a character count greater than the limit of " + SmsTemplateLength.LIMIT);
        }
        UUID replyTo = draft.letterContactId();
        if (replyTo != null && letterContacts.find(SenderKind.LETTER_CONTACT, serviceId, replyTo, false).isEmpty()) {
            throw AdminApiException.badRequest("letter_contact_id " + replyTo
                    + " does not exist in database for service id " + serviceId);
        }
    }

    private UUID creator(RequestBody request, UUID current) {
        UUID createdBy = current == null ? request.requiredUuid("created_by") : request.uuid("created_by");
        if (createdBy != null && !team.userExists(createdBy)) {
            request.reject("created_by", "created_by User not found");
        }
        return createdBy != null ? createdBy : current;
    }

    private static String postage(RequestBody request, String current) {
        String postage = request.string("postage");
        if (postage != null && !POSTAGE.contains(postage)) {
            return request.reject("postage", "postage invalid. It must be either first, second or economy.");
        }
        return postage != null ? postage : current;
    }

    private static AdminApiException forbidden(String action, String type) {
        return new AdminApiException(403, Map.of("template_type",
                List.of(action + " " + PUBLIC_NAMES.get(type) + " templates is not allowed")));
    }

    private TemplateView current(UUID serviceId, UUID templateId) {
        return view(templates.findCurrent(serviceId, templateId).orElseThrow(AdminApiException::notFound));
    }

    private TemplateView view(TemplateVersion template) {
        return TemplateView.current(template, replyToText(template));
    }

    /** What a notification from this template is sent from: its letter contact, or the service's default sender. */
    private String replyToText(TemplateVersion template) {
        return switch (TemplateType.fromWireName(template.draft().templateType())) {
            case LETTER -> template.letterContactBlock();
            case EMAIL -> senders.defaultReplyTo(template.serviceId()).orElse(null);
            case SMS -> senders.defaultSmsSender(template.serviceId()).orElse(null);
        };
    }

    private static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }
}
