package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.inbound.InboundSms;
import org.notifyhub.inbound.InboundSmsRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.ReceivedTextMessage;
import uk.gov.service.notify.ReceivedTextMessageList;

/** GET /v2/received-text-messages through the official Java client, and its error over raw HTTP. */
class ReceivedTextMessagesIT extends HubIntegrationTest {

    private static final String NOTIFY_NUMBER = "07700900555";
    private static final List<String> PERMISSIONS = List.of("sms", "inbound_sms");
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 1, 9, 30, 15, 123_456_000);

    @Autowired
    private InboundSmsRepository inboundSms;
    @Autowired
    private JdbcClient jdbc;

    private TestService service;
    private NotificationClient client;

    @BeforeEach
    void createService() {
        service = testServices.create(false, PERMISSIONS);
        client = new NotificationClient(service.normalKey(), baseUrl());
    }

    @Test
    void messagesComeNewestFirstWithTheirContentDecrypted() throws Exception {
        InboundSms oldest = receive(service.id(), START, "447700900111", "First, with ünicode");
        InboundSms middle = receive(service.id(), START.plusMinutes(1), "447700900222", "Second");
        InboundSms newest = receive(service.id(), START.plusMinutes(2), "447700900333", "Third");
        receive(testServices.create(false, PERMISSIONS).id(), START.plusMinutes(3), "447700900444", "Someone else's");

        ReceivedTextMessageList list = client.getReceivedTextMessages(null);

        assertThat(list.getReceivedTextMessages()).extracting(ReceivedTextMessage::getId)
                .containsExactly(newest.id(), middle.id(), oldest.id());
        ReceivedTextMessage message = list.getReceivedTextMessages().get(2);
        assertThat(message.getContent()).isEqualTo("First, with ünicode");
        assertThat(message.getUserNumber()).isEqualTo("447700900111");
        assertThat(message.getNotifyNumber()).isEqualTo(NOTIFY_NUMBER);
        assertThat(message.getServiceId()).isEqualTo(service.id());
        assertThat(message.getCreatedAt().toLocalDateTime()).isEqualTo(START);
        assertThat(message.getCreatedAt().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(list.getCurrentPageLink()).isEqualTo(baseUrl() + "/v2/received-text-messages");
        assertThat(list.getNextPageLink()).contains(baseUrl() + "/v2/received-text-messages?older_than=" + oldest.id());
    }

    @Test
    void contentIsStoredEncrypted() {
        InboundSms sms = receive(service.id(), START, "447700900111", "Secret reply");

        String stored = jdbc.sql("SELECT content FROM inbound_sms WHERE id = :id").param("id", sms.id())
                .query(String.class).single();

        assertThat(stored).isNotEqualTo("Secret reply").doesNotContain("Secret");
    }

    @Test
    void olderThanPagesBackAndAnEmptyPageHasNoNextLink() throws Exception {
        InboundSms oldest = receive(service.id(), START, "447700900111", "First");
        InboundSms middle = receive(service.id(), START.plusMinutes(1), "447700900222", "Second");
        InboundSms newest = receive(service.id(), START.plusMinutes(2), "447700900333", "Third");

        ReceivedTextMessageList older = client.getReceivedTextMessages(newest.id().toString());
        ReceivedTextMessageList none = client.getReceivedTextMessages(oldest.id().toString());
        ReceivedTextMessageList unknown = client.getReceivedTextMessages(UUID.randomUUID().toString());

        assertThat(older.getReceivedTextMessages()).extracting(ReceivedTextMessage::getId)
                .containsExactly(middle.id(), oldest.id());
        assertThat(older.getCurrentPageLink()).isEqualTo(baseUrl() + "/v2/received-text-messages");
        assertThat(none.getReceivedTextMessages()).isEmpty();
        assertThat(none.getNextPageLink()).isEmpty();
        assertThat(unknown.getReceivedTextMessages()).isEmpty();
    }

    @Test
    void aPageHoldsTwoHundredAndFiftyMessages() throws Exception {
        List<InboundSms> received = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            received.add(receive(service.id(), START.plusSeconds(i), "447700900111", "Message " + i));
        }

        ReceivedTextMessageList first = client.getReceivedTextMessages(null);
        String olderThan = first.getNextPageLink().orElseThrow().replaceAll(".*older_than=", "");
        ReceivedTextMessageList second = client.getReceivedTextMessages(olderThan);

        assertThat(first.getReceivedTextMessages()).hasSize(250);
        assertThat(first.getReceivedTextMessages().get(0).getContent()).isEqualTo("Message 250");
        assertThat(olderThan).isEqualTo(received.get(1).id().toString());
        assertThat(second.getReceivedTextMessages()).extracting(ReceivedTextMessage::getId)
                .containsExactly(received.get(0).id());
    }

    @Test
    void anEmptyServiceHasAnEmptyListAndOnlyACurrentLink() throws Exception {
        V2Http.Reply reply = new V2Http(mapper, baseUrl()).get("/v2/received-text-messages", bearer());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("received_text_messages")).isEmpty();
        assertThat(reply.body().get("links").fieldNames()).toIterable().containsExactly("current");
    }

    @Test
    void olderThanMustBeAUuid() throws Exception {
        V2Http http = new V2Http(mapper, baseUrl());

        assertValidationError(http.get("/v2/received-text-messages?older_than=123", bearer()),
                "older_than is not a valid UUID");
        assertValidationError(http.get("/v2/received-text-messages?page=2", bearer()),
                "Additional properties are not allowed (page was unexpected)");
    }

    private static void assertValidationError(V2Http.Reply reply, String message) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("status_code").asInt()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("ValidationError");
        assertThat(reply.message()).isEqualTo(message);
    }

    private String bearer() {
        return "Bearer " + Jwt.forKey(service.normalKey());
    }

    private InboundSms receive(UUID serviceId, LocalDateTime createdAt, String userNumber, String content) {
        InboundSms sms = new InboundSms(UUID.randomUUID(), createdAt.truncatedTo(ChronoUnit.MICROS), serviceId,
                NOTIFY_NUMBER, userNumber, "mmg", createdAt, "provider-ref", content);
        inboundSms.insert(sms);
        return sms;
    }
}
