package org.notifyhub.broadcasts;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;

/** A broadcast message as Notify's API serialised it (BroadcastMessage.serialize), for the v2 and admin answers. */
public final class BroadcastMessageView {

    private BroadcastMessageView() {
    }

    public static Map<String, Object> of(BroadcastMessage message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id().toString());
        view.put("reference", message.reference());
        view.put("cap_event", message.capEvent());
        view.put("service_id", message.serviceId().toString());
        // Messages from templates are not built (the hub has no broadcast templates): always null, as Notify's API
        // answered for a message made from content.
        view.put("template_id", null);
        view.put("template_version", null);
        view.put("template_name", null);
        view.put("personalisation", null);
        view.put("content", message.content());
        view.put("areas", message.areas());
        view.put("status", message.status());
        view.put("starts_at", time(message.startsAt()));
        view.put("finishes_at", time(message.finishesAt()));
        view.put("created_at", time(message.createdAt()));
        view.put("approved_at", time(message.approvedAt()));
        view.put("cancelled_at", time(message.cancelledAt()));
        view.put("updated_at", time(message.updatedAt()));
        view.put("created_by_id", id(message.createdById()));
        view.put("approved_by_id", id(message.approvedById()));
        view.put("cancelled_by_id", id(message.cancelledById()));
        return view;
    }

    private static String time(LocalDateTime utc) {
        return NotifyTime.toWire(utc);
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
