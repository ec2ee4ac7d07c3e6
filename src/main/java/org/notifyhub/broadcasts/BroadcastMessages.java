package org.notifyhub.broadcasts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creating, editing, cancelling and reading broadcast messages, for the v2 API and the admin API alike. */
@Component
public class BroadcastMessages {

    private static final Logger log = LoggerFactory.getLogger(BroadcastMessages.class);

    private final BroadcastMessageRepository messages;
    private final BroadcastLifecycle lifecycle;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BroadcastMessages(BroadcastMessageRepository messages, BroadcastLifecycle lifecycle, ObjectMapper mapper,
                             Clock clock) {
        this.messages = messages;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What a new message holds; the creator is a user (admin, a draft) or an API key (CAP, pending approval). */
    public record NewMessage(String content, String reference, String capEvent, JsonNode areas, String status,
                             LocalDateTime startsAt, LocalDateTime finishesAt, UUID userId, UUID apiKeyId) {
    }

    /** A trial service's messages are stubbed: they can be approved but never reach a network. */
    public BroadcastMessage create(Service service, NewMessage request) {
        BroadcastMessage message = new BroadcastMessage(UUID.randomUUID(), service.id(), request.content(),
                request.areas(), request.status(), request.startsAt(), request.finishesAt(),
                NotifyTime.toUtc(clock.instant()), null, null, null, request.userId(), null, null,
                request.apiKeyId(), request.reference(), request.capEvent(), service.restricted());
        messages.insert(message);
        log.info("Broadcast message {} created for service {} with reference {}", message.id(), service.id(),
                message.reference());
        return messages.find(service.id(), message.id()).orElseThrow();
    }

    /** Areas as Notify stored a CAP alert's: the names, and the polygons as [lat, long] pairs (simplified if big). */
    public JsonNode capAreas(List<String> names, List<List<double[]>> polygons) {
        ObjectNode areas = mapper.createObjectNode();
        ArrayNode nameList = areas.putArray("names");
        names.forEach(nameList::add);
        ArrayNode simple = areas.putArray("simple_polygons");
        for (List<double[]> polygon : BroadcastAreas.simple(polygons)) {
            ArrayNode ring = simple.addArray();
            polygon.forEach(pair -> ring.addArray().add(pair[0]).add(pair[1]));
        }
        return areas;
    }

    /**
     * A CAP cancel: the one pending or broadcasting message of the service with one of these references is rejected
     * (pending) or cancelled (broadcasting); empty when there is none.
     */
    public Optional<BroadcastMessage> cancelByReferences(Service service, List<String> references, UUID apiKeyId) {
        List<BroadcastMessage> found = messages.findLiveByReferences(service.id(), references);
        if (found.size() > 1) {
            throw new BroadcastRefusedException(400, "Multiple alerts found - unclear which one to cancel");
        }
        return found.stream().findFirst().map(message -> lifecycle.move(service, message,
                BroadcastStatus.PENDING_APPROVAL.equals(message.status())
                        ? BroadcastStatus.REJECTED : BroadcastStatus.CANCELLED,
                new BroadcastLifecycle.Actor(null, apiKeyId)));
    }

    public Optional<BroadcastMessage> find(UUID serviceId, UUID id) {
        return messages.find(serviceId, id);
    }

    public List<BroadcastMessage> list(UUID serviceId) {
        return messages.list(serviceId);
    }

    /** Edits a message not yet broadcast (Notify's update_broadcast_message). */
    public BroadcastMessage update(BroadcastMessage edited) {
        if (!BroadcastStatus.PRE_BROADCAST.contains(edited.status())) {
            throw cannotUpdate(edited);
        }
        return messages.update(edited, NotifyTime.toUtc(clock.instant())).orElseThrow(() -> cannotUpdate(edited));
    }

    private static BroadcastRefusedException cannotUpdate(BroadcastMessage message) {
        return new BroadcastRefusedException(400, "Cannot update broadcast_message " + message.id()
                + " while it has status " + message.status());
    }

    /** A team member moves a message (Notify's POST …/status): approve, reject, return to draft, cancel. */
    public BroadcastMessage changeStatus(Service service, BroadcastMessage message, String status, UUID userId) {
        if (!service.active()) {
            throw new BroadcastRefusedException(403, "Updating broadcast message is not allowed: service is inactive ");
        }
        if (!messages.userExists(userId)) {
            throw new BroadcastRefusedException(404, "No result found");
        }
        if (!messages.userInService(userId, service.id())) {
            throw new BroadcastRefusedException(400, "User " + userId + " cannot update broadcast_message "
                    + message.id() + " from other service");
        }
        return lifecycle.move(service, message, status, new BroadcastLifecycle.Actor(userId, null));
    }

    public boolean userExists(UUID userId) {
        return messages.userExists(userId);
    }
}
