package org.notifyhub.api.v2;

import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationWriter;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;

/**
 * The last step of an email or SMS send: make the notification durable (or, on the high-volume path, queue its
 * save) and say which send task the route should queue.
 */
@Component
public class SendAcceptance {

    private final NotificationWriter writer;
    private final HighVolumeSaves highVolume;
    private final DeliveryQueues queues;

    public SendAcceptance(NotificationWriter writer, HighVolumeSaves highVolume, DeliveryQueues queues) {
        this.writer = writer;
        this.highVolume = highVolume;
        this.queues = queues;
    }

    /** @param internationalSms a text to a number that needs the international permission */
    public AcceptedNotification accept(NotificationRow row, Service service, boolean internationalSms, Object response) {
        if (!highVolume.covers(service, row.keyType())) {
            writer.save(row, service, internationalSms);
        } else if (highVolume.queueSave(row, service, internationalSms)) {
            // The worker that saves the row queues its send.
            return AcceptedNotification.responseOnly(response);
        }
        return new AcceptedNotification(DeliveryTask.first(row.id(), row.notificationType()),
                queues.forSend(row.notificationType(), row.keyType()), response);
    }
}
