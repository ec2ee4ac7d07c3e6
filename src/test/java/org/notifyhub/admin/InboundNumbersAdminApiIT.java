package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Inbound numbers: added to the pool, given to a service as its SMS sender, switched off. */
class InboundNumbersAdminApiIT extends AdminApiTest {

    @Test
    void aNumberFromThePoolBecomesTheServicesSmsSender() {
        String number = "0770" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        AdminClient.Response added = admin.post("/inbound-number", Map.of("number", number, "provider", "mmg"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String numberId = added.json().get("data").get("id").asText();
        assertThat(added.json().get("data").get("service").isNull()).isTrue();
        assertThat(ids(admin.get("/inbound-number/available").json().get("data"))).contains(numberId);
        assertThat(admin.post("/inbound-number", Map.of("number", number, "provider", "mmg")).status()).isEqualTo(400);

        UUID serviceId = fixtures.liveService();
        AdminClient.Response allocated = admin.post("/inbound-number/service/" + serviceId,
                Map.of("inbound_number_id", numberId));

        assertThat(allocated.status()).as(allocated.body()).isEqualTo(201);
        assertThat(allocated.json().get("sms_sender").asText()).isEqualTo(number);
        assertThat(allocated.json().get("inbound_number_id").asText()).isEqualTo(numberId);
        assertThat(allocated.json().get("is_default").asBoolean()).isTrue();
        JsonNode forService = admin.get("/inbound-number/service/" + serviceId).json().get("data");
        assertThat(forService.get("number").asText()).isEqualTo(number);
        assertThat(forService.get("service").get("id").asText()).isEqualTo(serviceId.toString());
        assertThat(ids(admin.get("/inbound-number/available").json().get("data"))).doesNotContain(numberId);
        assertThat(jdbc.sql("SELECT sms_sender FROM service_sms_senders WHERE service_id = :id AND inbound_number_id IS NOT NULL")
                .param("id", serviceId).query(String.class).single()).isEqualTo(number);

        String senderId = allocated.json().get("id").asText();
        AdminClient.Response change = admin.post("/service/" + serviceId + "/sms-sender/" + senderId,
                Map.of("sms_sender", "OTHER", "is_default", true));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.json().get("message").asText()).isEqualTo("You can not change the inbound number for service " + serviceId);
        assertThat(admin.post("/inbound-number/service/" + serviceId, Map.of()).json().get("message").asText())
                .isEqualTo("Service " + serviceId + " already has an inbound number");

        assertThat(admin.post("/inbound-number/service/" + serviceId + "/off", null).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT active FROM inbound_numbers WHERE id = CAST(:id AS uuid)").param("id", numberId)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aServiceWithoutANumberHasAnEmptyOneAndBadNumbersAreRefused() {
        UUID serviceId = fixtures.service(Map.of());
        assertThat(admin.get("/inbound-number/service/" + serviceId).json().get("data")).isEmpty();
        AdminClient.Response bad = admin.post("/inbound-number", Map.of("number", "call me", "provider", "pigeon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").get("provider").get(0).asText())
                .isEqualTo("provider pigeon is not one of [mmg, firetext]");
        assertThat(admin.post("/inbound-number/service/" + serviceId, Map.of("inbound_number_id", UUID.randomUUID()))
                .status()).isEqualTo(400);
    }

    private static java.util.List<String> ids(JsonNode array) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
