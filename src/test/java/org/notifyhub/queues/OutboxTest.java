package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** What the outbox hands its route: one Outgoing per message, batches within SQS's limits, failures thrown. */
class OutboxTest {

    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final Outbox outbox = new Outbox(producer, new ObjectMapper(), 2);
    private final List<Object> routed = new ArrayList<>();
    private RuntimeException failure;

    OutboxTest() {
        when(producer.send(eq(Outbox.ROUTE), any(Processor.class))).thenAnswer(call -> {
            Exchange exchange = new DefaultExchange(new DefaultCamelContext());
            call.getArgument(1, Processor.class).process(exchange);
            routed.add(exchange.getIn().getBody());
            exchange.setException(failure);
            return exchange;
        });
    }

    @Test
    void aMessageGoesToTheRouteAsAnOutgoingWithItsDelay() {
        DeliveryTask task = DeliveryTask.first(UUID.randomUUID(), NotificationType.SMS);
        outbox.send("send-sms-tasks", task, 30);

        assertThat(routed).containsExactly(new Outgoing("send-sms-tasks", task, 30));
        assertThat(outbox.wire(new Outgoing("q", "{\"as\":\"is\"}", 0))).isEqualTo("{\"as\":\"is\"}");
    }

    @Test
    void manyMessagesGoTenToABatch() {
        List<LetterPdfTask> tasks = IntStream.range(0, 23).mapToObj(i -> new LetterPdfTask(UUID.randomUUID())).toList();

        outbox.sendAll("create-letters-pdf-tasks", tasks);

        assertThat(routed).hasSize(3).allSatisfy(batch -> assertThat(batch).isInstanceOf(OutgoingBatch.class));
        assertThat(routed.stream().map(batch -> ((OutgoingBatch) batch).bodies().size())).containsExactly(10, 10, 3);
        assertThat(((OutgoingBatch) routed.get(2)).bodies().get(2))
                .isEqualTo("{\"notification_id\":\"" + tasks.get(22).notificationId() + "\"}");
    }

    @Test
    void aBatchStaysWithinTheByteLimit() {
        String rows = String.join("", Collections.nCopies(90 * 1024, "x"));
        List<SaveTask> tasks = IntStream.range(0, 5).mapToObj(i -> new SaveTask("save-sms", UUID.randomUUID(), rows))
                .toList();

        outbox.sendAll("database-tasks", tasks);

        assertThat(routed.stream().map(batch -> ((OutgoingBatch) batch).bodies().size())).containsExactly(2, 2, 1);
    }

    @Test
    void aFailedSendIsThrownToTheCaller() {
        failure = new IllegalStateException("SQS is down");

        assertThatThrownBy(() -> outbox.sendText("ses-callbacks", "{}", 0)).isSameAs(failure);
    }

    @Test
    void oneRefusedEntryFailsTheBatch() {
        SendMessageBatchResponse refused = SendMessageBatchResponse.builder()
                .failed(BatchResultErrorEntry.builder().id("1").message("too big").build()).build();

        assertThatThrownBy(() -> outbox.checkBatch(refused, "job-tasks")).hasMessageContaining("job-tasks")
                .hasMessageContaining("too big");
        outbox.checkBatch(SendMessageBatchResponse.builder().build(), "job-tasks");
    }
}
