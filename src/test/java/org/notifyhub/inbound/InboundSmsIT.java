package org.notifyhub.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.notifyhub.support.ProviderHttp.basic;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.servicecallbacks.CallbackServer;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.ProviderHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /notifications/sms/receive/{mmg,firetext}: inbound text messages stored encrypted for their service. */
class InboundSmsIT extends HubIntegrationTest {

    private static final String MMG_AUTH = basic("mmg-user-2", "mmg-password");
    private static final String FIRETEXT_AUTH = basic("notify", "firetext-password");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    private ProviderHttp http;
    private UUID serviceId;
    private String number;

    record Stored(UUID serviceId, String notifyNumber, String userNumber, LocalDateTime providerDate, String providerReference,
                  String provider, String content) {
    }

    @BeforeEach
    void setUp() {
        http = new ProviderHttp(baseUrl());
        serviceId = testServices.create(false, List.of("sms", "inbound_sms")).id();
        number = inboundNumber(serviceId);
    }

    @Test
    void anMmgMessageIsStoredEncryptedForTheServiceOfItsNumber() throws Exception {
        ProviderHttp.Reply reply = http.postJson("/notifications/sms/receive/mmg", """
                {"MSISDN": "07700900111", "Number": "44%s", "Message": "Hello+there%%21+caf%%C3%%A9+50%%25\\\\nbye",
                 "ID": "mmg-id-1", "DateRecieved": "2017-05-21+11%%3A56%%3A11"}""".formatted(number.substring(1)), MMG_AUTH);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ProviderHttp.json(reply)).isEqualTo(mapper.readTree("{\"status\":\"ok\"}"));
        Stored stored = single(serviceId);
        assertThat(stored.content()).doesNotContain("Hello");
        assertThat(encryption.decrypt(stored.content())).isEqualTo("Hello there! café 50%\nbye");
        assertThat(stored.notifyNumber()).isEqualTo(number);
        assertThat(stored.userNumber()).isEqualTo("447700900111");
        assertThat(stored.providerReference()).isEqualTo("mmg-id-1");
        assertThat(stored.providerDate()).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11));
        assertThat(stored.provider()).isEqualTo("mmg");
    }

    @Test
    void aReceivedMessageIsForwardedToTheServicesInboundCallback() throws Exception {
        String path = CallbackServer.answering(200);
        CallbackServer.configure(jdbc, encryption, serviceId, CallbackType.INBOUND_SMS, CallbackServer.url(path),
                "inbound-token-123");

        ProviderHttp.Reply reply = http.postForm("/notifications/sms/receive/firetext", Map.of("source", "07700900333",
                "destination", "44" + number.substring(1), "message", "Forward me", "time", "2017-05-21 11:56:11"),
                FIRETEXT_AUTH);

        assertThat(reply.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= 1);
        Map<String, Object> body = CallbackServer.body(CallbackServer.received(path).get(0));
        assertThat(body).containsEntry("message", "Forward me").containsEntry("source_number", "447700900333")
                .containsEntry("destination_number", number);
        assertThat(CallbackServer.received(path).get(0).getHeader("Authorization")).isEqualTo("Bearer inbound-token-123");
    }

    @Test
    void aFiretextMessageIsStoredEncryptedForTheServiceOfItsNumber() throws Exception {
        ProviderHttp.Reply reply = http.postForm("/notifications/sms/receive/firetext", Map.of("source", "+447700900222",
                "destination", "44" + number.substring(1), "message", "Yes please & thanks+", "time", "2017-05-21 11:56:11"),
                FIRETEXT_AUTH);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ProviderHttp.json(reply)).isEqualTo(mapper.readTree("{\"status\":\"ok\"}"));
        Stored stored = single(serviceId);
        assertThat(stored.content()).isNotEqualTo("Yes please & thanks+");
        assertThat(encryption.decrypt(stored.content())).isEqualTo("Yes please & thanks+");
        assertThat(stored.userNumber()).isEqualTo("447700900222");
        assertThat(stored.providerReference()).isNull();
        assertThat(stored.providerDate()).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11));
        assertThat(stored.provider()).isEqualTo("firetext");
    }

    @Test
    void aMessageForNoServiceOrForAServiceWithoutInboundSmsIsAcknowledgedAndDropped() throws Exception {
        UUID withoutPermission = testServices.create(false, List.of("sms")).id();
        String itsNumber = inboundNumber(withoutPermission);

        for (String to : List.of("447700000000", "44" + itsNumber.substring(1))) {
            ProviderHttp.Reply mmg = http.postJson("/notifications/sms/receive/mmg",
                    "{\"MSISDN\": \"447700900111\", \"Number\": \"" + to + "\", \"Message\": \"Hi\", \"ID\": \"x\"}", MMG_AUTH);
            assertThat(mmg.status()).isEqualTo(200);
            assertThat(mmg.body()).isEqualTo("RECEIVED");
            ProviderHttp.Reply firetext = http.postForm("/notifications/sms/receive/firetext", Map.of("source", "447700900111",
                    "destination", to, "message", "Hi", "time", "2017-05-21 11:56:11"), FIRETEXT_AUTH);
            assertThat(firetext.status()).isEqualTo(200);
            assertThat(ProviderHttp.json(firetext)).isEqualTo(mapper.readTree("{\"status\":\"ok\"}"));
        }
        assertThat(count(withoutPermission)).isZero();
    }

    @Test
    void credentialsAreCheckedAsNotifyChecksThem() throws Exception {
        String mmgBody = "{\"MSISDN\": \"447700900111\", \"Number\": \"44" + number.substring(1) + "\", \"Message\": \"Hi\", \"ID\": \"x\"}";
        Map<String, String> firetextForm = Map.of("source", "447700900111", "destination", "44" + number.substring(1),
                "message", "Hi", "time", "2017-05-21 11:56:11");

        ProviderHttp.Reply none = http.postJson("/notifications/sms/receive/mmg", mmgBody, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(ProviderHttp.json(none)).isEqualTo(mapper.readTree(
                "{\"result\": \"error\", \"message\": \"Unauthorized: authentication token must be provided\"}"));
        assertThat(http.postForm("/notifications/sms/receive/firetext", firetextForm, null).status()).isEqualTo(401);
        assertThat(http.postJson("/notifications/sms/receive/mmg", mmgBody, "Bearer abc").status()).isEqualTo(401);

        for (String wrong : List.of(basic("mmg-user", "nope"), basic("someone", "mmg-password"), basic("notify", "firetext-password"))) {
            ProviderHttp.Reply refused = http.postJson("/notifications/sms/receive/mmg", mmgBody, wrong);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(ProviderHttp.json(refused)).isEqualTo(mapper.readTree(
                    "{\"result\": \"error\", \"message\": \"Forbidden: invalid authentication token provided\"}"));
        }
        for (String wrong : List.of(basic("firetext", "firetext-password"), basic("notify", "mmg-password"))) {
            assertThat(http.postForm("/notifications/sms/receive/firetext", firetextForm, wrong).status()).isEqualTo(403);
        }
        assertThat(count(serviceId)).isZero();

        assertThat(http.postJson("/notifications/sms/receive/mmg", mmgBody, basic("mmg-user", "mmg-password-2")).status())
                .isEqualTo(200);
        assertThat(count(serviceId)).isOne();
    }

    @Test
    void aMessageMissingAFieldIsRefusedAndNotStored() throws Exception {
        ProviderHttp.Reply reply = http.postJson("/notifications/sms/receive/mmg",
                "{\"MSISDN\": \"447700900111\", \"Number\": \"44" + number.substring(1) + "\", \"ID\": \"x\"}", MMG_AUTH);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(ProviderHttp.json(reply).get("message").asText()).isEqualTo("MMG inbound SMS: Message missing");
        assertThat(count(serviceId)).isZero();
    }

    private String inboundNumber(UUID service) {
        String candidate = "07" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        jdbc.sql("INSERT INTO inbound_numbers (id, number, provider, service_id, active) VALUES (:id, :number, 'mmg', :service, true)")
                .param("id", UUID.randomUUID()).param("number", candidate).param("service", service).update();
        return candidate;
    }

    private Stored single(UUID service) {
        return jdbc.sql("""
                        SELECT service_id, notify_number, user_number, provider_date, provider_reference, provider, content
                        FROM inbound_sms WHERE service_id = :service""")
                .param("service", service).query(Stored.class).single();
    }

    private int count(UUID service) {
        return jdbc.sql("SELECT count(*) FROM inbound_sms WHERE service_id = :service").param("service", service)
                .query(Integer.class).single();
    }
}
