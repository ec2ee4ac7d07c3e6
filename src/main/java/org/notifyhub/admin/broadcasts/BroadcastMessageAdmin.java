package org.notifyhub.admin.broadcasts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.broadcasts.BroadcastContent;
import org.notifyhub.broadcasts.BroadcastMessage;
import org.notifyhub.broadcasts.BroadcastMessageView;
import org.notifyhub.broadcasts.BroadcastMessages;
import org.notifyhub.broadcasts.BroadcastRefusedException;
import org.notifyhub.broadcasts.BroadcastStatus;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/broadcast-message: the endpoints Notify's admin app drafted, edited, approved, rejected and
 * cancelled broadcasts with. Messages are made from content (the hub has no broadcast templates).
 */
@Component
public class BroadcastMessageAdmin {

    private static final List<String> CREATE_FIELDS = List.of("template_id", "service_id", "created_by",
            "personalisation", "starts_at", "finishes_at", "areas", "content", "reference");
    private static final List<String> UPDATE_FIELDS = List.of("personalisation", "starts_at", "finishes_at", "areas");
    private static final List<String> STATUS_FIELDS = List.of("status", "created_by");

    private final BroadcastMessages broadcasts;
    private final KnownServices knownServices;
    private final ServiceRepository services;
    private final ObjectMapper mapper;

    public BroadcastMessageAdmin(BroadcastMessages broadcasts, KnownServices knownServices,
                                 ServiceRepository services, ObjectMapper mapper) {
        this.broadcasts = broadcasts;
        this.knownServices = knownServices;
        this.services = services;
        this.mapper = mapper;
    }

    public Map<String, Object> list(@Header("service_id") String serviceIdText) {
        UUID serviceId = knownServices.require(serviceIdText);
        return Map.of("broadcast_messages", broadcasts.list(serviceId).stream().map(BroadcastMessageView::of).toList());
    }

    public Map<String, Object> get(@Header("service_id") String serviceIdText,
                                   @Header("broadcast_message_id") String idText) {
        return BroadcastMessageView.of(message(serviceIdText, idText));
    }

    public Map<String, Object> create(@Header("service_id") String serviceIdText, @Body String body) {
        Service service = service(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        JsonNode json = RequestBody.object(mapper, body);
        additional(request, CREATE_FIELDS);
        request.requiredUuid("service_id");
        UUID createdBy = request.requiredUuid("created_by");
        if (request.has("template_id")) {
            request.reject("template_id", "template_id Broadcast templates are not supported: send content");
        }
        String content = request.requiredString("content");
        if (content != null && content.isEmpty()) {
            request.reject("content", "content  should be non-empty");
        }
        String reference = request.requiredString("reference", 255);
        LocalDateTime startsAt = time(request, "starts_at");
        LocalDateTime finishesAt = time(request, "finishes_at");
        JsonNode areas = areas(request, json);
        request.validate();
        if (!broadcasts.userExists(createdBy)) {
            throw AdminApiException.notFound();
        }
        BroadcastContent.tooLong("Content", content).ifPresent(message -> {
            throw AdminApiException.badRequest(message);
        });
        return BroadcastMessageView.of(broadcasts.create(service, new BroadcastMessages.NewMessage(content.strip(),
                reference, null, areas == null ? mapper.createObjectNode() : areas, BroadcastStatus.DRAFT, startsAt,
                finishesAt, createdBy, null)));
    }

    public Map<String, Object> update(@Header("service_id") String serviceIdText,
                                      @Header("broadcast_message_id") String idText, @Body String body) {
        BroadcastMessage message = message(serviceIdText, idText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        JsonNode json = RequestBody.object(mapper, body);
        additional(request, UPDATE_FIELDS);
        LocalDateTime startsAt = request.has("starts_at") ? time(request, "starts_at") : message.startsAt();
        LocalDateTime finishesAt = request.has("finishes_at") ? time(request, "finishes_at") : message.finishesAt();
        JsonNode areas = areas(request, json);
        request.validate();
        if (areas != null && areas.has("ids") != areas.has("simple_polygons")) {
            throw AdminApiException.badRequest("Cannot update broadcast_message " + message.id()
                    + ", area IDs or polygons are missing.");
        }
        JsonNode newAreas = areas != null && areas.has("ids") ? areas : message.areas();
        return refusals(() -> BroadcastMessageView.of(broadcasts.update(new BroadcastMessage(message.id(),
                message.serviceId(), message.content(), newAreas, message.status(), startsAt, finishesAt,
                message.createdAt(), message.approvedAt(), message.cancelledAt(), message.updatedAt(),
                message.createdById(), message.approvedById(), message.cancelledById(), message.createdByApiKeyId(),
                message.reference(), message.capEvent(), message.stubbed()))));
    }

    public Map<String, Object> updateStatus(@Header("service_id") String serviceIdText,
                                            @Header("broadcast_message_id") String idText, @Body String body) {
        Service service = service(serviceIdText);
        BroadcastMessage message = message(serviceIdText, idText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        additional(request, STATUS_FIELDS);
        String status = request.requiredString("status");
        if (status != null && !BroadcastStatus.ALL.contains(status)) {
            request.reject("status", "status " + status + " is not one of "
                    + BroadcastStatus.ALL.toString());
        }
        UUID userId = request.requiredUuid("created_by");
        request.validate();
        return refusals(() -> BroadcastMessageView.of(broadcasts.changeStatus(service, message, status, userId)));
    }

    private static Map<String, Object> refusals(java.util.function.Supplier<Map<String, Object>> change) {
        try {
            return change.get();
        } catch (BroadcastRefusedException refused) {
            throw new AdminApiException(refused.status(), refused.getMessage());
        }
    }

    private Service service(String serviceIdText) {
        return services.find(knownServices.require(serviceIdText)).orElseThrow(AdminApiException::notFound);
    }

    private BroadcastMessage message(String serviceIdText, String idText) {
        UUID serviceId = knownServices.require(serviceIdText);
        return broadcasts.find(serviceId, PathIds.parse(idText)).orElseThrow(AdminApiException::notFound);
    }

    private static void additional(RequestBody request, List<String> known) {
        List<String> others = request.fieldsOtherThan(known);
        if (!others.isEmpty()) {
            throw AdminApiException.badRequest("Additional properties are not allowed (" + String.join(", ", others)
                    + (others.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    /** An ISO 8601 time with or without an offset, kept as naive UTC (Notify's iso8601.parse_date). */
    private static LocalDateTime time(RequestBody request, String field) {
        String text = request.string(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return request.reject(field, field + " " + text + " is not a datetime");
            }
        }
    }

    /** The areas object; its simple_polygons, when given, must be polygons of [lat, long] number pairs. */
    private static JsonNode areas(RequestBody request, JsonNode json) {
        JsonNode areas = json.get("areas");
        if (areas == null || areas.isNull()) {
            return null;
        }
        if (!areas.isObject()) {
            return request.reject("areas", "areas " + areas + " is not of type object");
        }
        JsonNode polygons = areas.get("simple_polygons");
        if (polygons != null && !validPolygons(polygons)) {
            return request.reject("areas", "areas simple_polygons must be a list of polygons of [lat, long] pairs");
        }
        return areas;
    }

    private static boolean validPolygons(JsonNode polygons) {
        if (!polygons.isArray()) {
            return false;
        }
        for (JsonNode polygon : polygons) {
            if (!polygon.isArray() || polygon.size() < 3) {
                return false;
            }
            for (JsonNode pair : polygon) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                    return false;
                }
            }
        }
        return true;
    }
}
