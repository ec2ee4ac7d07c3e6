package org.notifyhub.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.ReceivedBatch;
import org.notifyhub.queues.ReceivedBatch.ReceivedMessage;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.servicecallbacks.ServiceCallbacks;

/** A poll's receipts are applied as a set: one read, one UPDATE per status, a notification's receipts in order. */
class SmsReceiptServiceTest {

    private final NotificationRepository notifications = mock(NotificationRepository.class);
    private final ServiceCallbacks callbacks = mock(ServiceCallbacks.class);
    private final SmsReceiptService service = new SmsReceiptService(ReceiptStatusMappings.loadDefault(), notifications,
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC), callbacks, new ObjectMapper());

    @Test
    void tenDeliveredReceiptsAreOneReadAndOneUpdate() {
        List<UUID> ids = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        List<NotificationRow> sending = ids.stream().map(id -> row(id, NotificationStatus.SENDING)).toList();
        when(notifications.findAll(anyCollection())).thenReturn(sending);
        when(notifications.updateStatuses(anyCollection(), eq(NotificationStatus.DELIVERED), anyCollection(), any()))
                .thenAnswer(call -> call.<Collection<UUID>>getArgument(0).stream()
                        .map(id -> row(id, NotificationStatus.DELIVERED)).toList());

        ReceivedBatch done = service.processAll(batch(ids.stream().map(id -> firetext(id, "0")).toList()));

        assertThat(done.messages()).hasSize(10);
        verify(notifications, times(1)).findAll(anyCollection());
        ArgumentCaptor<Collection<UUID>> updated = ArgumentCaptor.captor();
        verify(notifications, times(1)).updateStatuses(updated.capture(), eq(NotificationStatus.DELIVERED),
                anyCollection(), any());
        assertThat(updated.getValue()).containsExactlyElementsOf(ids);
        ArgumentCaptor<List<NotificationRow>> called = ArgumentCaptor.captor();
        verify(callbacks).afterReceipts(eq("firetext"), called.capture());
        assertThat(called.getValue()).hasSize(10);
    }

    @Test
    void twoReceiptsForOneMessageApplyInTheOrderTheyCameAndAnUnreadableOneStays() {
        UUID id = UUID.randomUUID();
        NotificationRow sending = row(id, NotificationStatus.SENDING);
        when(notifications.findAll(anyCollection())).thenReturn(List.of(sending));
        when(notifications.updateStatuses(anyCollection(), any(), anyCollection(), any()))
                .thenAnswer(call -> List.of(row(id, call.getArgument(1))));
        List<String> bodies = new ArrayList<>(List.of(firetext(id, "2"), "not json", firetext(id, "0")));

        ReceivedBatch done = service.processAll(batch(bodies));

        assertThat(done.bodies()).containsExactly(bodies.get(0), bodies.get(2));
        InOrder order = inOrder(notifications);
        order.verify(notifications).updateStatuses(eq(List.of(id)), eq(NotificationStatus.PENDING), anyCollection(), any());
        order.verify(notifications).updateStatuses(eq(List.of(id)), eq(NotificationStatus.DELIVERED), anyCollection(),
                any());
    }

    private static ReceivedBatch batch(List<String> bodies) {
        return new ReceivedBatch("sms-callbacks", bodies.stream().map(body -> new ReceivedMessage(body, "h")).toList());
    }

    private static String firetext(UUID id, String status) {
        return "{\"provider\":\"firetext\",\"reference\":\"" + id + "\",\"status\":\"" + status + "\"}";
    }

    private static NotificationRow row(UUID id, NotificationStatus status) {
        NotificationRow row = mock(NotificationRow.class);
        when(row.id()).thenReturn(id);
        when(row.status()).thenReturn(status);
        return row;
    }
}
