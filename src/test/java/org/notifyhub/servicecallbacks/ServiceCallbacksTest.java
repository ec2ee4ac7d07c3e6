package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.notifyhub.common.Encryption;
import org.notifyhub.inbound.InboundSms;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueMessage;
import org.notifyhub.queues.ServiceCallbackTask;
import org.notifyhub.queues.TestQueueNames;
import org.notifyhub.services.CallbackApiRepository;
import org.notifyhub.services.CallbackType;
import org.notifyhub.services.ServiceCallbackApi;

/** What goes on service-callbacks: URL, the token as stored, and a payload no one can read on the queue. */
class ServiceCallbacksTest {

    private static final UUID SERVICE = UUID.randomUUID();

    private final Encryption encryption = new Encryption("a test secret key of some length");
    private final ObjectMapper mapper = new ObjectMapper();
    private final CallbackApiRepository apis = mock(CallbackApiRepository.class);
    private final Outbox outbox = mock(Outbox.class);
    private final ServiceCallbacks callbacks = new ServiceCallbacks(apis, encryption, mapper, outbox,
            new CallbackMetrics(new SimpleMeterRegistry()), TestQueueNames.unprefixed());
    private final String storedToken = encryption.encrypt("the-token");

    @Test
    void anInboundMessageIsQueuedWithItsTextEncrypted() throws Exception {
        InboundSms sms = new InboundSms(UUID.randomUUID(), LocalDateTime.parse("2024-05-01T10:00:00"), SERVICE,
                "07700900500", "447700900123", "mmg", null, null, "secret words");
        when(apis.find(SERVICE, CallbackType.INBOUND_SMS)).thenReturn(Optional.of(new ServiceCallbackApi("https://s/cb", storedToken)));

        assertThat(callbacks.queueInboundSms(SERVICE, sms.callback())).isTrue();

        String message = queued();
        assertThat(message).doesNotContain("secret words").doesNotContain("447700900123").doesNotContain("the-token");
        ServiceCallbackTask task = mapper.readValue(message, ServiceCallbackTask.class);
        assertThat(task.callbackType()).isEqualTo(CallbackType.INBOUND_SMS);
        assertThat(task.url()).isEqualTo("https://s/cb");
        assertThat(task.encryptedBearerToken()).isEqualTo(storedToken);
        assertThat(task.attempt()).isZero();
        assertThat(mapper.readValue(encryption.decrypt(task.encryptedPayload()), Map.class))
                .containsEntry("message", "secret words")
                .containsEntry("date_received", "2024-05-01T10:00:00.000000Z");
    }

    @Test
    void pendingIsNeverReportedAndAServiceWithoutACallbackGetsNothing() {
        when(apis.find(SERVICE, CallbackType.DELIVERY_STATUS)).thenReturn(Optional.of(new ServiceCallbackApi("https://s/cb", storedToken)));
        UUID other = UUID.randomUUID();
        when(apis.find(other, CallbackType.DELIVERY_STATUS)).thenReturn(Optional.empty());

        callbacks.queueDeliveryStatuses(List.of(row(SERVICE, NotificationStatus.PENDING), row(other, NotificationStatus.DELIVERED)));

        verify(outbox, never()).send(anyString(), any(QueueMessage.class));
    }

    @Test
    void aBatchReadsEachServicesConfigurationOnceAndQueuesItsCallbacksTogether() {
        when(apis.find(SERVICE, CallbackType.DELIVERY_STATUS)).thenReturn(Optional.of(new ServiceCallbackApi("https://s/cb", storedToken)));

        callbacks.queueDeliveryStatuses(List.of(row(SERVICE, NotificationStatus.TEMPORARY_FAILURE),
                row(SERVICE, NotificationStatus.TEMPORARY_FAILURE)));

        verify(apis).find(SERVICE, CallbackType.DELIVERY_STATUS);
        ArgumentCaptor<List<QueueMessage>> batch = ArgumentCaptor.captor();
        verify(outbox).sendAll(eq("service-callbacks"), batch.capture());
        assertThat(batch.getValue()).hasSize(2);
    }

    /** The message as it goes on the queue. */
    private String queued() throws Exception {
        ArgumentCaptor<QueueMessage> message = ArgumentCaptor.forClass(QueueMessage.class);
        verify(outbox).send(eq("service-callbacks"), message.capture());
        return mapper.writeValueAsString(message.getValue());
    }

    private static NotificationRow row(UUID service, NotificationStatus status) {
        LocalDateTime now = LocalDateTime.parse("2024-05-01T10:00:00");
        return new NotificationRow(UUID.randomUUID(), "07700900123", "447700900123", null, null, service, UUID.randomUUID(),
                1, null, KeyType.NORMAL, 1, NotificationType.SMS, now, now, "firetext", now, status, null, null, null, null,
                null, null, false, "44", null, null);
    }
}
