package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.ServiceCallbackTask;
import org.notifyhub.servicecallbacks.CallbackMetrics.Outcome;
import org.notifyhub.services.CallbackApiRepository;
import org.notifyhub.services.CallbackType;
import org.notifyhub.services.ServiceCallbackApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues service callbacks on service-callbacks, when the service has configured one of that type. The message
 * carries the URL, the still-encrypted bearer token and the encrypted payload, so the worker that POSTs it never
 * touches the database. Callable from any role (through the outbox, which runs on every node), and never throws:
 * the status change it follows is already written, so a failed enqueue is logged and counted, not retried.
 */
@Component
public class ServiceCallbacks {

    private static final Logger log = LoggerFactory.getLogger(ServiceCallbacks.class);

    private final CallbackApiRepository apis;
    private final Encryption encryption;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final CallbackMetrics metrics;
    private final String queue;

    public ServiceCallbacks(CallbackApiRepository apis, Encryption encryption, ObjectMapper mapper, Outbox outbox,
                            CallbackMetrics metrics, QueueNames queues) {
        this.apis = apis;
        this.encryption = encryption;
        this.mapper = mapper;
        this.outbox = outbox;
        this.metrics = metrics;
        this.queue = queues.serviceCallbacks();
    }

    /** After provider receipts changed statuses: counted (Notify's callback.{provider}.{status}), then the callbacks. */
    public void afterReceipts(String provider, List<NotificationRow> rows) {
        rows.forEach(row -> metrics.receipt(provider, row.status().wireName()));
        queueDeliveryStatuses(rows);
    }

    /** After a status change: the delivery-status callback, if configured. Never for {@code pending}, as Notify. */
    public void queueDeliveryStatus(NotificationRow row) {
        queueDeliveryStatuses(List.of(row));
    }

    /** After a bulk status change: each service's configuration is read once, the callbacks queued in batches. */
    public void queueDeliveryStatuses(List<NotificationRow> rows) {
        Map<UUID, Optional<ServiceCallbackApi>> configured = new HashMap<>();
        List<ServiceCallbackTask> tasks = new ArrayList<>();
        for (NotificationRow row : rows) {
            if (row.status() == NotificationStatus.PENDING) {
                continue;
            }
            configured.computeIfAbsent(row.serviceId(), service -> apis.find(service, CallbackType.DELIVERY_STATUS))
                    .flatMap(api -> task(api, CallbackType.DELIVERY_STATUS, row.serviceId(), row.id(),
                            DeliveryStatusCallback.of(row)))
                    .ifPresent(tasks::add);
        }
        queue(tasks);
    }

    /** After a complaint was stored for the first time: the complaint callback, if configured. */
    public void queueComplaint(UUID serviceId, ComplaintCallback complaint) {
        apis.find(serviceId, CallbackType.COMPLAINT).ifPresent(api -> queue(api, CallbackType.COMPLAINT, serviceId,
                UUID.fromString(complaint.complaintId()), complaint));
    }

    /** Once a received text message is stored: forwards it to the service's inbound SMS callback, if configured. */
    public boolean queueInboundSms(UUID serviceId, InboundSmsCallback sms) {
        return apis.find(serviceId, CallbackType.INBOUND_SMS)
                .map(api -> queue(api, CallbackType.INBOUND_SMS, serviceId, UUID.fromString(sms.id()), sms))
                .orElse(false);
    }

    private boolean queue(ServiceCallbackApi api, CallbackType type, UUID serviceId, UUID subjectId, Object payload) {
        return task(api, type, serviceId, subjectId, payload).map(task -> queue(List.of(task))).orElse(false);
    }

    /** Queues the tasks (a batch when there are several), counting each as queued or not; false when they were not. */
    private boolean queue(List<ServiceCallbackTask> tasks) {
        if (tasks.isEmpty()) {
            return false;
        }
        try {
            if (tasks.size() == 1) {
                outbox.send(queue, tasks.get(0));
            } else {
                outbox.sendAll(queue, tasks);
            }
            tasks.forEach(task -> metrics.serviceCallback(task.callbackType(), Outcome.QUEUED));
            return true;
        } catch (RuntimeException e) {
            tasks.forEach(task -> metrics.serviceCallback(task.callbackType(), Outcome.NOT_QUEUED));
            ServiceCallbackTask first = tasks.get(0);
            log.error("Could not queue {} callback(s), the first the {} callback for {} of service {}", tasks.size(),
                    first.callbackType(), first.subjectId(), first.serviceId(), e);
            return false;
        }
    }

    /** The task for one callback, its payload encrypted; empty (logged and counted) when it cannot be written. */
    private Optional<ServiceCallbackTask> task(ServiceCallbackApi api, CallbackType type, UUID serviceId, UUID subjectId,
                                               Object payload) {
        try {
            return Optional.of(new ServiceCallbackTask(type, serviceId, subjectId, api.url(), api.encryptedBearerToken(),
                    encryption.encrypt(mapper.writeValueAsString(payload)), 0, 0));
        } catch (JsonProcessingException | RuntimeException e) {
            metrics.serviceCallback(type, Outcome.NOT_QUEUED);
            log.error("Could not queue the {} callback for {} of service {}", type, subjectId, serviceId, e);
            return Optional.empty();
        }
    }
}
