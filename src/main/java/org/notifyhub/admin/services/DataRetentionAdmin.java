package org.notifyhub.admin.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.retention.DataRetention;
import org.notifyhub.retention.DataRetentionRepository;
import org.notifyhub.retention.NotificationPurge;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/data-retention: how long a service keeps each type of notification's personal data, as
 * Notify's admin app reads and sets it. Days are held to 3–90 here (Notify's admin form's range; its API takes any
 * integer, which would let a typo purge yesterday's notifications).
 */
@Component
public class DataRetentionAdmin {

    /** Notify's enum order in its schema's message. */
    private static final String TYPES = "[sms, letter, email]";

    public record Created(Map<String, Object> result) {
    }

    private final DataRetentionRepository retention;
    private final NotificationPurge purge;
    private final KnownServices knownServices;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DataRetentionAdmin(DataRetentionRepository retention, NotificationPurge purge, KnownServices knownServices,
                              ObjectMapper mapper, Clock clock) {
        this.retention = retention;
        this.purge = purge;
        this.knownServices = knownServices;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An operator runs the nightly purge for one service now: how many of each left the hot table. */
    public Data<Map<String, Integer>> purge(@Header("service_id") String serviceIdText) {
        NotificationPurge.Purged purged = purge.service(knownServices.require(serviceIdText));
        Map<String, Integer> counts = new LinkedHashMap<>();
        purged.notifications().forEach((type, count) -> counts.put(type.wireName(), count));
        counts.put("inbound_sms", purged.inboundSms());
        return new Data<>(counts);
    }

    public List<Map<String, Object>> list(@Header("service_id") String serviceIdText) {
        return retention.list(knownServices.require(serviceIdText)).stream().map(DataRetentionAdmin::view).toList();
    }

    /** The retention, or {} when there is none (as Notify answers). */
    public Map<String, Object> get(@Header("service_id") String serviceIdText, @Header("retention_id") String idText) {
        UUID serviceId = knownServices.require(serviceIdText);
        return retention.find(serviceId, PathIds.parse(idText)).map(DataRetentionAdmin::view).orElseGet(Map::of);
    }

    public Map<String, Object> forType(@Header("service_id") String serviceIdText,
                                       @Header("notification_type") String typeText) {
        UUID serviceId = knownServices.require(serviceIdText);
        NotificationType type = knownType(typeText)
                .orElseThrow(() -> AdminApiException.invalid("notification_type", notOneOf(typeText)));
        return retention.find(serviceId, type).map(DataRetentionAdmin::view).orElseGet(Map::of);
    }

    public Created create(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        String typeText = request.requiredString("notification_type");
        NotificationType type = typeText == null ? null : knownType(typeText)
                .orElseGet(() -> request.reject("notification_type", notOneOf(typeText)));
        Integer days = days(request);
        request.validate();
        UUID id = UUID.randomUUID();
        if (!retention.insert(id, serviceId, type, days, LocalDateTime.now(clock))) {
            throw AdminApiException.badRequest(
                    "Service already has data retention for " + type.wireName() + " notification type");
        }
        return new Created(view(retention.find(serviceId, id).orElseThrow()));
    }

    public void update(@Header("service_id") String serviceIdText, @Header("retention_id") String idText,
                       @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        UUID id = PathIds.parse(idText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        Integer days = days(request);
        request.validate();
        if (!retention.update(serviceId, id, days, LocalDateTime.now(clock))) {
            throw AdminApiException.notFound(
                    "The service data retention for id: " + id + " was not found for service: " + serviceId);
        }
    }

    private static Integer days(RequestBody request) {
        if (!request.has("days_of_retention") || request.isNull("days_of_retention")) {
            return request.reject("days_of_retention", "days_of_retention is a required property");
        }
        Long days = request.integer("days_of_retention");
        if (days == null) {
            return null;
        }
        if (days < DataRetention.MIN_DAYS) {
            return request.reject("days_of_retention",
                    "days_of_retention " + days + " is less than the minimum of " + DataRetention.MIN_DAYS);
        }
        if (days > DataRetention.MAX_DAYS) {
            return request.reject("days_of_retention",
                    "days_of_retention " + days + " is greater than the maximum of " + DataRetention.MAX_DAYS);
        }
        return days.intValue();
    }

    private static Optional<NotificationType> knownType(String text) {
        return Arrays.stream(NotificationType.values()).filter(t -> t.wireName().equals(text)).findFirst();
    }

    private static String notOneOf(String text) {
        return "notification_type " + text + " is not one of " + TYPES;
    }

    /** Notify's ServiceDataRetention.serialize(). */
    static Map<String, Object> view(DataRetention row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("service_id", row.serviceId());
        view.put("service_name", row.serviceName());
        view.put("notification_type", row.notificationType().wireName());
        view.put("days_of_retention", row.daysOfRetention());
        view.put("created_at", NotifyTime.toWire(row.createdAt()));
        view.put("updated_at", row.updatedAt() == null ? null : NotifyTime.toWire(row.updatedAt()));
        return view;
    }
}
