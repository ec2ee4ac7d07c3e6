package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.inbound.InboundSms;
import org.notifyhub.inbound.InboundSmsRepository;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A received text message is forwarded to the service's inbound SMS callback, decrypted only in the POST. */
class InboundSmsCallbacksIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    @Autowired
    private InboundSmsRepository inboundSms;

    @Autowired
    private ServiceCallbacks callbacks;

    @Test
    void aReceivedMessageIsPostedToTheServiceWithNotifysFields() throws Exception {
        TestService service = testServices.create(false, List.of("sms", "inbound_sms"));
        String path = CallbackServer.answering(200);
        String token = "inbound-" + UUID.randomUUID();
        CallbackServer.configure(jdbc, encryption, service.id(), CallbackType.INBOUND_SMS, CallbackServer.url(path), token);
        UUID id = UUID.randomUUID();
        InboundSms sms = new InboundSms(id, LocalDateTime.parse("2024-05-01T10:15:30.123456"), service.id(),
                "07700900500", "447700900123", "mmg", LocalDateTime.parse("2024-05-01T10:15:29"), "mmg-ref",
                "Hello, is it me? ✓");
        inboundSms.insert(sms);

        assertThat(callbacks.queueInboundSms(service.id(), sms.callback())).isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= 1);
        LoggedRequest request = CallbackServer.received(path).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(CallbackServer.body(request)).isEqualTo(Map.of(
                "id", id.toString(),
                "source_number", "447700900123",
                "destination_number", "07700900500",
                "message", "Hello, is it me? ✓",
                "date_received", "2024-05-01T10:15:29.000000Z"));
    }

    @Test
    void aServiceWithoutAnInboundCallbackGetsNothingQueued() {
        TestService service = testServices.create(false, List.of("sms", "inbound_sms"));
        InboundSms sms = new InboundSms(UUID.randomUUID(), LocalDateTime.now(), service.id(), "07700900501",
                "447700900124", "firetext", null, null, "Hi");
        inboundSms.insert(sms);

        assertThat(callbacks.queueInboundSms(service.id(), sms.callback())).isFalse();
    }
}
