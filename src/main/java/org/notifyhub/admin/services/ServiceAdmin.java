package org.notifyhub.admin.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.admin.statistics.DetailedServicesAdmin;
import org.notifyhub.common.Uuids;
import org.notifyhub.services.ApiKeyAdminRepository;
import org.notifyhub.services.CallbackApiRepository;
import org.notifyhub.services.SenderAdminRepository;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.ServiceAdminRepository;
import org.notifyhub.services.ServiceRecord;
import org.notifyhub.services.ServiceSettings;
import org.notifyhub.services.TeamRepository;
import org.notifyhub.templates.TemplateHistoryRepository;
import org.notifyhub.templates.TemplateVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** /service: create, list, read, update and archive services. */
@Component
public class ServiceAdmin {

    /** Notify's NOTIFY_USER_ID: who created a service when the request names nobody. */
    static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");
    private static final DateTimeFormatter ARCHIVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss");

    private final ServiceAdminRepository services;
    private final TeamRepository team;
    private final SenderAdminRepository senders;
    private final CallbackApiRepository callbacks;
    private final TemplateHistoryRepository templates;
    private final ApiKeyAdminRepository apiKeys;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String defaultSmsSender;
    private final DetailedServicesAdmin detailed;

    public ServiceAdmin(ServiceAdminRepository services, TeamRepository team, SenderAdminRepository senders,
                        CallbackApiRepository callbacks, TemplateHistoryRepository templates,
                        ApiKeyAdminRepository apiKeys, TransactionTemplate transaction, ObjectMapper mapper, Clock clock,
                        @Value("${notify.admin.default-sms-sender}") String defaultSmsSender,
                        DetailedServicesAdmin detailed) {
        this.services = services;
        this.team = team;
        this.senders = senders;
        this.callbacks = callbacks;
        this.templates = templates;
        this.apiKeys = apiKeys;
        this.transaction = transaction;
        this.mapper = mapper;
        this.clock = clock;
        this.defaultSmsSender = defaultSmsSender;
        this.detailed = detailed;
    }

    /** GET /service[?only_active=True][&user_id=…]; with detailed=True and no user_id, each service's statistics. */
    public Data<? extends List<?>> list(@Header(Exchange.HTTP_QUERY) String query) {
        QueryParameters parameters = QueryParameters.parse(query);
        String userId = parameters.first("user_id");
        if (userId == null && "True".equals(parameters.first("detailed"))) {
            return detailed.list(parameters);
        }
        UUID user = null;
        if (userId != null) {
            user = Uuids.parse(userId).orElse(null);
            if (user == null) {
                return new Data<>(List.of());
            }
        }
        return new Data<>(services.findAll("True".equals(parameters.first("only_active")), user).stream()
                .map(this::view).toList());
    }

    public Data<ServiceView> get(@Header("service_id") String serviceId) {
        return new Data<>(view(load(PathIds.parse(serviceId))));
    }

    /** POST /service: a trial service unless told otherwise, its creator on its team, and Notify's default sender. */
    public Data<ServiceView> create(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.MARSHMALLOW);
        UUID userId = request.has("user_id") ? request.uuid("user_id") : request.uuid("created_by");
        ServiceSettings settings = ServiceRequests.merge(request, ServiceRequests.NEW_SERVICE, services.permissionTypes());
        if (!request.has("name")) {
            request.reject("name", Wording.MARSHMALLOW.required("name"));
        }
        request.validate();
        UUID creator = userId == null ? SYSTEM_USER : userId;
        if (!team.userExists(creator)) {
            throw AdminApiException.notFound();
        }
        ServiceSettings complete = settings.emailFrom() != null ? settings
                : settings.withEmailFrom(ServiceRequests.emailFromName(settings.name()));
        UUID id = UUID.randomUUID();
        uniqueName(complete, () -> transaction.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            services.insert(id, complete, creator, now);
            team.addToService(creator, id);
            senders.insert(SenderKind.SMS_SENDER, UUID.randomUUID(), id, defaultSmsSender, true, now);
        }));
        return get(id.toString());
    }

    /** POST /service/{service_id}: the request's fields over the current settings; permissions are replaced whole. */
    public Data<ServiceView> update(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = PathIds.parse(serviceIdText);
        ServiceRecord current = load(serviceId);
        RequestBody request = RequestBody.parse(mapper, body, Wording.MARSHMALLOW);
        ServiceSettings settings = ServiceRequests.merge(request, current.settings(), services.permissionTypes());
        request.validate();
        uniqueName(settings, () -> transaction.executeWithoutResult(
                status -> services.update(serviceId, settings, LocalDateTime.now(clock))));
        return get(serviceIdText);
    }

    /**
     * POST /service/{service_id}/archive: for good. The service goes inactive and frees its name and sender, its
     * templates are archived and its API keys revoked. Archiving an archived service changes nothing.
     */
    public void archive(@Header("service_id") String serviceIdText) {
        UUID serviceId = PathIds.parse(serviceIdText);
        transaction.executeWithoutResult(status -> {
            if (!services.lock(serviceId)) {
                throw AdminApiException.notFound();
            }
            ServiceSettings s = load(serviceId).settings();
            if (!s.active()) {
                return;
            }
            LocalDateTime now = LocalDateTime.now(clock);
            String prefix = "_archived_" + ARCHIVED_AT.format(now) + "_";
            services.update(serviceId, s.archivedAs(prefix), now);
            for (TemplateVersion template : templates.findAllCurrent(serviceId)) {
                templates.saveNewVersion(template.id(), template.draft().asArchived(), now);
            }
            apiKeys.revokeAll(serviceId, now);
        });
    }

    private ServiceRecord load(UUID serviceId) {
        return services.find(serviceId).orElseThrow(AdminApiException::notFound);
    }

    private ServiceView view(ServiceRecord service) {
        return ServiceView.of(service, callbacks.findForService(service.id()));
    }

    private static void uniqueName(ServiceSettings settings, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw AdminApiException.invalid("name", "Duplicate service name '" + settings.name() + "'");
        }
    }
}
