package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /v2/broadcast with CAP documents: each gets Notify's answer, and a refused one changes nothing. */
class PostBroadcastIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private BroadcastHttp http;
    private TestService live;

    @BeforeEach
    void setUp() {
        http = new BroadcastHttp(mapper, baseUrl(), credentials.admin());
        live = testServices.create(false, List.of("broadcast"));
    }

    @Test
    void aValidAlertIsPendingApprovalWithItsAreas() throws Exception {
        BroadcastHttp.Reply reply = http.postCap(live.normalKey(), CapFixtures.alert("flood-1", "Flooding expected."));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        JsonNode body = reply.body();
        assertThat(body.get("status").asText()).isEqualTo("pending-approval");
        assertThat(body.get("reference").asText()).isEqualTo("flood-1");
        assertThat(body.get("cap_event").asText()).isEqualTo("Severe flood warning");
        assertThat(body.get("content").asText()).isEqualTo("Flooding expected.");
        assertThat(body.get("service_id").asText()).isEqualTo(live.id().toString());
        assertThat(body.get("areas").get("names")).hasSize(1);
        assertThat(body.get("areas").get("names").get(0).asText()).isEqualTo("Riverside Park");
        JsonNode polygon = body.get("areas").get("simple_polygons").get(0);
        assertThat(polygon).hasSize(6);
        assertThat(polygon.get(0).get(0).asDouble()).isEqualTo(52.4011);
        assertThat(polygon.get(0).get(1).asDouble()).isEqualTo(-1.5193);
        for (String none : List.of("approved_at", "approved_by_id", "cancelled_at", "cancelled_by_id", "created_by_id",
                "starts_at", "finishes_at", "template_id", "template_name", "template_version", "personalisation",
                "updated_at")) {
            assertThat(body.get(none).isNull()).as(none).isTrue();
        }
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        Map<String, Object> row = jdbc.sql("SELECT status, stubbed, created_by_api_key_id FROM broadcast_message WHERE id = :id")
                .param("id", UUID.fromString(body.get("id").asText())).query().singleRow();
        assertThat(row.get("status")).isEqualTo("pending-approval");
        assertThat(row.get("stubbed")).isEqualTo(false);
        assertThat(row.get("created_by_api_key_id")).isNotNull();
    }

    @Test
    void aTrialServicesAlertIsStubbed() throws Exception {
        TestService trial = testServices.create(true, List.of("broadcast"));

        BroadcastHttp.Reply reply = http.postCap(trial.normalKey(), CapFixtures.alert("trial-1", "A drill."));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT stubbed FROM broadcast_message WHERE id = :id")
                .param("id", UUID.fromString(reply.body().get("id").asText())).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aServiceWithoutThePermissionIsRefused() throws Exception {
        TestService plain = testServices.create(false, List.of("sms"));

        assertError(http.postCap(plain.normalKey(), CapFixtures.alert("x", "x")), 400, "BadRequestError",
                "Service is not allowed to send broadcast messages");
        assertNothingStored(plain);
    }

    @Test
    void anyContentTypeButCapXmlIsUnsupported() throws Exception {
        String alert = CapFixtures.alert("json-1", "x");
        assertError(http.postCap(live.normalKey(), "application/json", alert), 415, "BadRequestError",
                "Content type application/json not supported");
        assertError(http.postCap(live.normalKey(), "application/cap+xml; charset=utf-8", alert), 415,
                "BadRequestError", "Content type application/cap+xml; charset=utf-8 not supported");
        assertNothingStored(live);
    }

    @Test
    void invalidXmlIsNotValidCap() throws Exception {
        for (String document : List.of("<alert>Oh no</alert>", "<?xml version=\"1.0\"?><foo><bar/></foo>", "not xml",
                "", CapFixtures.alert("x", "x").replace("<status>Actual</status>", "<status>Rumour</status>"),
                "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + CapFixtures.alert("&x;", "x").replaceFirst("<\\?xml[^>]*>", ""))) {
            assertError(http.postCap(live.normalKey(), document), 400, "BadRequestError",
                    "Request data is not valid CAP XML");
        }
        assertNothingStored(live);
    }

    @Test
    void anUpdateIsNotSupported() throws Exception {
        assertError(http.postCap(live.normalKey(), CapFixtures.update("update-1", CapFixtures.reference("a"))), 400,
                "ValidationError", "msgType Update is not one of [Alert, Cancel]");
        assertNothingStored(live);
    }

    @Test
    void aCancelNeedsItsReferences() throws Exception {
        http.postCap(live.normalKey(), CapFixtures.alert("flood-2", "x"));

        assertError(http.postCap(live.normalKey(), CapFixtures.cancel("cancel-1", null)), 400, "BadRequestError",
                "Missing <references>");
        assertError(http.postCap(live.normalKey(), CapFixtures.cancel("cancel-1", CapFixtures.reference("other"))),
                404, "NoResultFound", "No result found");
        assertThat(statuses(live)).containsExactly("pending-approval");
    }

    @Test
    void aCancelRejectsThePendingAlertItNamesOnce() throws Exception {
        http.postCap(live.normalKey(), CapFixtures.alert("flood-3", "x"));

        BroadcastHttp.Reply cancelled = http.postCap(live.normalKey(),
                CapFixtures.cancel("cancel-3", CapFixtures.reference("flood-3")));

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(201);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("rejected");
        assertThat(cancelled.body().get("reference").asText()).isEqualTo("flood-3");
        assertError(http.postCap(live.normalKey(), CapFixtures.cancel("cancel-3", CapFixtures.reference("flood-3"))),
                404, "NoResultFound", "No result found");
        TestService other = testServices.create(false, List.of("broadcast"));
        http.postCap(other.normalKey(), CapFixtures.alert("flood-3", "x"));
        assertThat(statuses(other)).containsExactly("pending-approval");
    }

    @Test
    void aCancelCancelsTheBroadcastingAlertItNamesAndGoesToTheNetworks() throws Exception {
        BroadcastTeam team = BroadcastTeam.create(testServices, jdbc, false);
        BroadcastHttp.Reply alert = http.postCap(team.service().normalKey(), CapFixtures.alert("flood-6", "x"));
        String id = alert.body().get("id").asText();
        assertThat(http.adminPost(team.messages() + "/" + id + "/status", Map.of("status", "broadcasting",
                "created_by", team.approver().toString())).status()).isEqualTo(200);

        BroadcastHttp.Reply cancelled = http.postCap(team.service().normalKey(),
                CapFixtures.cancel("cancel-6", CapFixtures.reference("flood-6")));

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(201);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.body().get("cancelled_at").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT message_type FROM broadcast_event WHERE broadcast_message_id = :id ORDER BY sent_at")
                .param("id", UUID.fromString(id)).query(String.class).list()).containsExactly("alert", "cancel");
        assertThat(jdbc.sql("SELECT cancelled_by_api_key_id FROM broadcast_message WHERE id = :id")
                .param("id", UUID.fromString(id)).query(UUID.class).single()).isNotNull();
    }

    @Test
    void aCancelNamingTwoAlertsIsAmbiguous() throws Exception {
        http.postCap(live.normalKey(), CapFixtures.alert("flood-4", "x"));
        http.postCap(live.normalKey(), CapFixtures.alert("flood-5", "x"));

        assertError(http.postCap(live.normalKey(), CapFixtures.cancel("cancel-4",
                        CapFixtures.reference("flood-4") + " " + CapFixtures.reference("flood-5"))), 400,
                "BadRequestError", "Multiple alerts found - unclear which one to cancel");
        assertThat(statuses(live)).containsExactly("pending-approval", "pending-approval");
    }

    @Test
    void textTooLongIsRefusedWithNotifysLimits() throws Exception {
        assertError(http.postCap(live.normalKey(), CapFixtures.alert("long-1", "a".repeat(1_396))), 400,
                "ValidationError", "description must be 1,395 characters or fewer");
        assertError(http.postCap(live.normalKey(), CapFixtures.alert("long-2", "ŵ".repeat(616))), 400,
                "ValidationError", "description must be 615 characters or fewer (because it could not be GSM7 encoded)");
        assertThat(http.postCap(live.normalKey(), CapFixtures.alert("long-3", "a".repeat(1_395))).status())
                .isEqualTo(201);
    }

    @Test
    void anAreaWithoutANameIsRefused() throws Exception {
        assertError(http.postCap(live.normalKey(), CapFixtures.document("noname", "Alert", null, "x", "  ",
                CapFixtures.RIVERSIDE)), 400, "ValidationError",
                "areas    does not match ([a-zA-Z1-9]+ )*[a-zA-Z1-9]+");
        assertNothingStored(live);
    }

    @Test
    void bigAreasAreSimplifiedToNotifysLimits() throws Exception {
        String[] polygons = new String[14];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = CapFixtures.circle(52.0 + i * 0.1, -1.5, 0.03, 40);
        }
        BroadcastHttp.Reply reply = http.postCap(live.normalKey(),
                CapFixtures.document("big-1", "Alert", null, "x", "Many towns", polygons));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        JsonNode simple = reply.body().get("areas").get("simple_polygons");
        int points = 0;
        for (JsonNode polygon : simple) {
            points += polygon.size();
        }
        assertThat(simple.size()).isBetween(1, BroadcastAreas.MAX_POLYGONS);
        assertThat(points).isLessThanOrEqualTo(BroadcastAreas.MAX_POINTS);
    }

    private List<String> statuses(TestService service) {
        return jdbc.sql("SELECT status FROM broadcast_message WHERE service_id = :id ORDER BY created_at")
                .param("id", service.id()).query(String.class).list();
    }

    private void assertNothingStored(TestService service) {
        assertThat(statuses(service)).isEmpty();
    }

    private static void assertError(BroadcastHttp.Reply reply, int status, String error, String message) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo(error);
        assertThat(reply.message()).isEqualTo(message);
        assertThat(reply.body().get("status_code").asInt()).isEqualTo(status);
    }
}
