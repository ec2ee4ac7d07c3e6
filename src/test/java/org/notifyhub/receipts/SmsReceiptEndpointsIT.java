package org.notifyhub.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.delivery.SmsProviderStubs;
import org.notifyhub.support.ProviderHttp;
import org.notifyhub.support.TestServices.TestService;
import uk.gov.service.notify.NotificationClient;

/**
 * POST /notifications/sms/firetext and /mmg: messages really sent through Firetext or MMG (WireMock) reach their
 * final status when the provider's receipt is posted, by way of sms-callbacks and process-sms-client-response.
 */
class SmsReceiptEndpointsIT extends SmsProviderStubs {

    private ProviderHttp http;

    @BeforeEach
    void setUp() {
        http = new ProviderHttp(baseUrl());
        acceptEverySend();
    }

    @Test
    void aFiretextReceiptFormDeliversTheMessage() throws Exception {
        UUID id = sentThrough("firetext");

        ProviderHttp.Reply reply = http.postForm("/notifications/sms/firetext", Map.of("status", "0", "reference", id.toString(),
                "code", "000", "mobile", "447700900461", "time", "2024-05-01 10:00:00"), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(ProviderHttp.json(reply)).isEqualTo(mapper.readTree("{\"result\":\"success\"}"));
        awaitStatus(id, "delivered");
    }

    @Test
    void aFiretextDeclineWithAnAbsentSubscriberCodeIsATemporaryFailure() throws Exception {
        UUID id = sentThrough("firetext");

        http.postForm("/notifications/sms/firetext", Map.of("status", "1", "reference", id.toString(), "code", "102"), null);

        awaitStatus(id, "temporary-failure");
    }

    @Test
    void anMmgReceiptDeliversTheMessage() throws Exception {
        UUID id = sentThrough("mmg");

        ProviderHttp.Reply reply = http.postJson("/notifications/sms/mmg", """
                {"reference": "mmg-ref", "CID": "%s", "MSISDN": "447700900461", "status": 3, "substatus": 5,
                 "deliverytime": "2024-05-01 10:00:00"}""".formatted(id), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ProviderHttp.json(reply)).isEqualTo(mapper.readTree("{\"result\":\"success\"}"));
        awaitStatus(id, "delivered");
    }

    @Test
    void anMmgPermanentFailureIsRecorded() throws Exception {
        UUID id = sentThrough("mmg");

        http.postJson("/notifications/sms/mmg", "{\"CID\": \"" + id + "\", \"status\": \"5\", \"substatus\": \"52\"}", null);

        awaitStatus(id, "permanent-failure");
    }

    @Test
    void receiptsMissingFieldsGetNotifysErrors() throws Exception {
        ProviderHttp.Reply mmg = http.postJson("/notifications/sms/mmg", "{\"MSISDN\": \"447700900461\", \"status\": \"\"}", null);
        assertThat(mmg.status()).isEqualTo(400);
        assertThat(ProviderHttp.json(mmg)).isEqualTo(mapper.readTree("""
                {"result": "error", "message": ["MMG callback failed: status missing", "MMG callback failed: CID missing"]}"""));

        ProviderHttp.Reply firetext = http.postForm("/notifications/sms/firetext", Map.of("reference", UUID.randomUUID().toString()), null);
        assertThat(firetext.status()).isEqualTo(400);
        assertThat(ProviderHttp.json(firetext)).isEqualTo(mapper.readTree("""
                {"result": "error", "message": ["Firetext callback failed: status missing"]}"""));

        ProviderHttp.Reply empty = http.postForm("/notifications/sms/firetext", Map.of(), null);
        assertThat(ProviderHttp.json(empty).get("message")).hasSize(2);
        assertThat(ProviderHttp.json(empty).get("message").get(1).asText()).isEqualTo("Firetext callback failed: reference missing");
    }

    /** A live key's message sent through one provider only, waiting for its receipt. */
    private UUID sentThrough(String provider) throws Exception {
        pointHubAt(provider.equals("firetext"), provider.equals("mmg"));
        TestService service = testServices.create(false, List.of("sms"));
        UUID id = new NotificationClient(service.normalKey(), baseUrl())
                .sendSms(service.smsTemplate().toString(), "07700900461", Map.of("name", "Ada"), null).getNotificationId();
        awaitSentBy(id, provider);
        return id;
    }

    private void awaitStatus(UUID id, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                "SELECT notification_status FROM notifications WHERE id = :id").param("id", id).query(String.class).single(),
                status::equals);
    }
}
