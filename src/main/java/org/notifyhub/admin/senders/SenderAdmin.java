package org.notifyhub.admin.senders;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRow;

/**
 * A service's senders of one kind: listed default first, exactly one default among reply-to addresses and SMS
 * senders (the first one added becomes it), archived rather than deleted.
 */
public abstract class SenderAdmin {

    private final SenderKind kind;
    private final SenderDependencies with;

    protected SenderAdmin(SenderKind kind, SenderDependencies with) {
        this.kind = kind;
        this.with = with;
    }

    public List<Map<String, Object>> list(@Header("service_id") String serviceId) {
        return with.senders().findActive(kind, PathIds.parse(serviceId)).stream().map(this::view).toList();
    }

    public Map<String, Object> get(@Header("service_id") String serviceId, @Header("sender_id") String senderId) {
        return view(with.senders().find(kind, PathIds.parse(serviceId), PathIds.parse(senderId), false)
                .orElseThrow(AdminApiException::notFound));
    }

    public Object add(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = PathIds.parse(serviceIdText);
        return respond(with.transaction().execute(status -> {
            lockService(serviceId);
            Request request = read(body);
            List<SenderRow> existing = with.senders().findActive(kind, serviceId);
            checkNotDuplicate(existing, request.value());
            boolean makeDefault = request.isDefault() || isFirst(existing);
            LocalDateTime now = LocalDateTime.now(with.clock());
            if (makeDefault) {
                with.senders().clearDefault(kind, serviceId, now);
            }
            UUID id = UUID.randomUUID();
            with.senders().insert(kind, id, serviceId, request.value(), makeDefault, now);
            return reload(serviceId, id);
        }));
    }

    public Data<Map<String, Object>> update(@Header("service_id") String serviceIdText,
                                            @Header("sender_id") String senderIdText, @Body String body) {
        UUID serviceId = PathIds.parse(serviceIdText);
        UUID senderId = PathIds.parse(senderIdText);
        return new Data<>(with.transaction().execute(status -> {
            lockService(serviceId);
            SenderRow current = with.senders().find(kind, serviceId, senderId, false)
                    .orElseThrow(AdminApiException::notFound);
            Request request = read(body);
            checkUpdate(current, request);
            LocalDateTime now = LocalDateTime.now(with.clock());
            if (request.isDefault()) {
                with.senders().clearDefault(kind, serviceId, now);
            }
            with.senders().update(kind, serviceId, senderId, request.value(), request.isDefault(), now);
            return reload(serviceId, senderId);
        }));
    }

    public Data<Map<String, Object>> archive(@Header("service_id") String serviceIdText,
                                             @Header("sender_id") String senderIdText) {
        UUID serviceId = PathIds.parse(serviceIdText);
        UUID senderId = PathIds.parse(senderIdText);
        return new Data<>(with.transaction().execute(status -> {
            lockService(serviceId);
            SenderRow current = with.senders().find(kind, serviceId, senderId, true)
                    .orElseThrow(AdminApiException::notFound);
            checkArchive(current);
            LocalDateTime now = LocalDateTime.now(with.clock());
            afterArchive(senderId, now);
            with.senders().archive(kind, serviceId, senderId, now);
            return view(with.senders().find(kind, serviceId, senderId, true).orElseThrow());
        }));
    }

    /** The sender's value as sent, checked; report problems on the request. */
    protected abstract String value(RequestBody request);

    /** How a created sender is returned: Notify wraps most in {"data": ...}. */
    protected Object respond(Map<String, Object> created) {
        return new Data<>(created);
    }

    /** Whether a new sender must become the default whatever the request says. */
    protected boolean isFirst(List<SenderRow> existing) {
        return existing.stream().noneMatch(SenderRow::isDefault);
    }

    protected void checkNotDuplicate(List<SenderRow> existing, String value) {
    }

    /** Refuses an update that would leave no default, or change what cannot change. */
    protected abstract void checkUpdate(SenderRow current, Request request);

    protected abstract void checkArchive(SenderRow current);

    protected void afterArchive(UUID senderId, LocalDateTime now) {
    }

    protected record Request(String value, boolean isDefault) {
    }

    /** A sender in Notify's JSON (its serialize()). */
    public Map<String, Object> view(SenderRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("service_id", row.serviceId());
        view.put(kind.valueColumn(), row.value());
        view.put("is_default", row.isDefault());
        view.put("archived", row.archived());
        if (kind == SenderKind.SMS_SENDER) {
            view.put("inbound_number_id", row.inboundNumberId());
        }
        view.put("created_at", NotifyTime.toWire(row.createdAt()));
        view.put("updated_at", NotifyTime.toWire(row.updatedAt()));
        return view;
    }

    private Request read(String body) {
        RequestBody request = RequestBody.parse(with.mapper(), body, Wording.JSON_SCHEMA);
        String value = value(request);
        Boolean isDefault = request.requiredBool("is_default");
        request.validate();
        return new Request(value, isDefault);
    }

    private void lockService(UUID serviceId) {
        if (!with.services().lock(serviceId)) {
            throw AdminApiException.notFound();
        }
    }

    private Map<String, Object> reload(UUID serviceId, UUID id) {
        return view(with.senders().find(kind, serviceId, id, false).orElseThrow());
    }
}
