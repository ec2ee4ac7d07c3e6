package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.queues.BroadcastTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.LambdaStub;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approved broadcasts reach the operators' CBC proxies (WireMock speaking Lambda's Invoke API): every operator, with
 * failover, retries with a capped backoff, in order, never past the message's finish and never twice.
 */
class BroadcastSendingIT extends BroadcastTeamTest {

    private static final List<String> OPERATORS = List.of("ee", "o2", "three", "vodafone");

    @Autowired
    private BroadcastEventRepository events;
    @Autowired
    private Outbox outbox;
    @Autowired
    private QueueNames queues;
    @Autowired
    private BroadcastJobs jobs;

    @AfterEach
    void proxiesBackUp() {
        OPERATORS.forEach(operator -> {
            LambdaStub.succeed(operator + "-1-proxy");
            LambdaStub.succeed(operator + "-2-proxy");
        });
    }

    @Test
    void anApprovedAlertReachesEveryOperator() throws Exception {
        UUID message = approvedAlert("all-1", "Flooding expected. Move to higher ground.");

        UUID event = alertEvent(message);
        Map<String, ProviderMessage> sent = acknowledged(event, OPERATORS);
        for (String operator : OPERATORS) {
            JsonNode payload = onlyPayload(operator + "-1-proxy", sent.get(operator));
            assertThat(payload.get("message_type").asText()).isEqualTo("alert");
            assertThat(payload.get("headline").asText()).isEqualTo("GOV.UK Notify Broadcast");
            assertThat(payload.get("description").asText()).isEqualTo("Flooding expected. Move to higher ground.");
            assertThat(payload.get("areas").get(0).get("polygon").get(0).get(0).asDouble()).isEqualTo(52.4011);
            assertThat(payload.get("sent").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
            assertThat(payload.get("expires").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
            assertThat(payload.get("channel").asText()).isEqualTo("severe");
            assertThat(payload.get("message_format").asText()).isEqualTo(operator.equals("vodafone") ? "ibag" : "cap");
            assertThat(payload.get("language").asText()).isEqualTo(operator.equals("vodafone") ? "English" : "en-GB");
            assertThat(payload.has("message_number")).isEqualTo(operator.equals("vodafone"));
            assertThat(invocations(operator + "-2-proxy", sent.get(operator))).isEmpty();
        }
        assertThat(onlyPayload("vodafone-1-proxy", sent.get("vodafone")).get("message_number").asText())
                .isEqualTo(sent.get("vodafone").formattedNumber()).matches("[0-9a-f]{8}");
        assertThat(AlertWebhook.mentioning(message.toString())).extracting(alert -> alert.get("kind"))
                .contains("live-broadcast-sent");
    }

    @Test
    void welshTextIsAnnouncedInWelsh() throws Exception {
        UUID event = alertEvent(approvedAlert("welsh-1", "Llifogydd: ewch i dir uwch ar unwaith, ŵyr."));

        Map<String, ProviderMessage> sent = acknowledged(event, OPERATORS);
        assertThat(onlyPayload("ee-1-proxy", sent.get("ee")).get("language").asText()).isEqualTo("cy-GB");
        assertThat(onlyPayload("vodafone-1-proxy", sent.get("vodafone")).get("language").asText()).isEqualTo("Welsh");
    }

    @Test
    void aFailingFirstProxyFailsOverToTheSecond() throws Exception {
        LambdaStub.fail("o2-1-proxy");
        LambdaStub.functionError("three-1-proxy");

        UUID event = alertEvent(approvedAlert("failover-1", "Flooding expected."));

        Map<String, ProviderMessage> sent = acknowledged(event, OPERATORS);
        for (String operator : List.of("o2", "three")) {
            assertThat(invocations(operator + "-1-proxy", sent.get(operator))).hasSize(1);
            assertThat(invocations(operator + "-2-proxy", sent.get(operator))).hasSize(1);
        }
        assertThat(sent.get("o2").attempts()).isEqualTo(1);
    }

    @Test
    void bothProxiesFailingIsRetriedWithACappedBackoffUntilTheyRecover() throws Exception {
        LambdaStub.fail("three-1-proxy");
        LambdaStub.fail("three-2-proxy");

        UUID event = alertEvent(approvedAlert("retry-1", "Flooding expected."));

        acknowledged(event, List.of("ee", "o2", "vodafone"));
        ProviderMessage three = events.providerMessage(event, "three").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> invocations("three-1-proxy", three).size() >= 4);
        LambdaStub.succeed("three-1-proxy");
        acknowledged(event, List.of("three"));

        List<LambdaStub.Invocation> attempts = invocations("three-1-proxy", three);
        assertThat(invocations("three-2-proxy", three)).hasSize(attempts.size() - 1);
        // min(2^n, cap) with the cap compressed to 2 s: 1 s after the first failure, then 2 s each time.
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()).toMillis());
        }
        assertThat(gaps.get(0)).isBetween(900L, 1_900L);
        assertThat(gaps.subList(1, gaps.size())).allSatisfy(gap -> assertThat(gap).isBetween(1_900L, 4_000L));
        assertThat(events.providerMessage(event, "three").orElseThrow().attempts()).isEqualTo(attempts.size());
    }

    @Test
    void aCancelIsNotSentToAnOperatorThatHasNotAcknowledgedTheAlert() throws Exception {
        java.time.Instant start = java.time.Instant.now();
        LambdaStub.fail("ee-1-proxy");
        LambdaStub.fail("ee-2-proxy");
        UUID message = approvedAlert("cancel-1", "Flooding expected.");
        UUID alert = alertEvent(message);
        Map<String, ProviderMessage> alerted = acknowledged(alert, List.of("o2", "three", "vodafone"));

        BroadcastHttp.Reply cancelled = http.adminPost(team.messages() + "/" + message + "/status",
                Map.of("status", "cancelled", "created_by", team.approver().toString()));

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        UUID cancel = events.events(message).get(1).id();
        Map<String, ProviderMessage> sent = acknowledged(cancel, List.of("o2", "three", "vodafone"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !AlertWebhook.mentioning(cancel.toString()).isEmpty());
        assertThat(AlertWebhook.mentioning(cancel.toString()).get(0).get("body").toString())
                .contains("has not finished sending to provider ee");
        assertThat(events.providerMessage(cancel, "ee")).isEmpty();
        assertThat(LambdaStub.invocations()).noneMatch(call -> !call.at().isBefore(start) && call.function().startsWith("ee-")
                && call.payload().path("message_type").asText().equals("cancel"));
        JsonNode vodafone = onlyPayload("vodafone-1-proxy", sent.get("vodafone"));
        assertThat(vodafone.get("message_type").asText()).isEqualTo("cancel");
        assertThat(vodafone.get("references").get(0).get("message_id").asText())
                .isEqualTo(alerted.get("vodafone").id().toString());
        assertThat(vodafone.get("references").get(0).get("message_number").asText())
                .isEqualTo(alerted.get("vodafone").formattedNumber());
        assertThat(onlyPayload("o2-1-proxy", sent.get("o2")).get("references").get(0).has("message_number")).isFalse();
    }

    @Test
    void anExpiredEventSendsNothing() throws Exception {
        BroadcastEvent alert = sentAlert("expired-1");
        BroadcastEvent late = anotherAlert(alert, alert.sentAt().plusSeconds(1), alert.sentAt().minusSeconds(1));

        outbox.send(queues.broadcastTasks(), BroadcastTask.sendEvent(late.id()));

        await().atMost(Duration.ofSeconds(20)).until(() -> AlertWebhook.mentioning(late.id().toString()).size() == 4);
        assertThat(AlertWebhook.mentioning(late.id().toString())).allSatisfy(raised ->
                assertThat(raised.get("body").toString()).contains("has already passed"));
        assertThat(events.providerMessages(late.id())).isEmpty();
    }

    @Test
    void anEventWhoseQueueMessageWasLostIsReplayedOnce() throws Exception {
        BroadcastEvent alert = sentAlert("lost-1");
        BroadcastEvent lost = anotherAlert(alert, alert.sentAt().minusMinutes(3), alert.transmittedFinishesAt());

        assertThat(jobs.replayUnsentEvents()).contains(lost.id()).doesNotContain(alert.id());

        acknowledged(lost.id(), OPERATORS);
        assertThat(jobs.replayUnsentEvents()).doesNotContain(lost.id());
    }

    @Test
    void duplicateQueueMessagesSendAnEventOnceToEachOperator() throws Exception {
        UUID message = approvedAlert("duplicates-1", "Flooding expected.");
        UUID event = alertEvent(message);
        outbox.send(queues.broadcastTasks(), BroadcastTask.sendEvent(event));
        outbox.send(queues.broadcastTasks(), BroadcastTask.sendTo(event, "ee"));
        outbox.send(queues.broadcastTasks(), BroadcastTask.sendTo(event, "ee"));

        Map<String, ProviderMessage> sent = acknowledged(event, OPERATORS);

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20)).until(() ->
                OPERATORS.stream().allMatch(operator -> invocations(operator + "-1-proxy", sent.get(operator)).size() == 1));
        assertThat(events.providerMessages(event)).hasSize(4).allSatisfy(p -> assertThat(p.attempts()).isEqualTo(1));
    }

    @Test
    void aServiceSetToOneOperatorAndChannelBroadcastsOnlyThere() throws Exception {
        BroadcastHttp.Reply set = http.adminPost("/service/" + team.service().id() + "/set-as-broadcast-service",
                Map.of("broadcast_channel", "operator", "service_mode", "live", "provider_restriction", "ee"));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().get("data").get("permissions")).extracting(JsonNode::asText).containsExactly("broadcast");
        assertThat(set.body().get("data").get("restricted").asBoolean()).isFalse();

        UUID message = approvedAlert("operator-1", "Operator channel test.");

        UUID event = alertEvent(message);
        Map<String, ProviderMessage> sent = acknowledged(event, List.of("ee"));
        assertThat(onlyPayload("ee-1-proxy", sent.get("ee")).get("channel").asText()).isEqualTo("operator");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> events.providerMessages(event).size() == 1);
        JsonNode approved = http.adminGet(team.messages() + "/" + message).body();
        assertThat(Duration.between(java.time.LocalDateTime.parse(approved.get("starts_at").asText().replace("Z", "")),
                java.time.LocalDateTime.parse(approved.get("finishes_at").asText().replace("Z", ""))))
                .isEqualTo(Duration.ofHours(4));

        BroadcastHttp.Reply refused = http.adminPost("/service/" + team.service().id() + "/set-as-broadcast-service",
                Map.of("broadcast_channel", "loud", "service_mode", "live"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").get("broadcast_channel").get(0).asText())
                .isEqualTo("broadcast_channel loud is not one of [operator, test, severe, government]");
        assertThat(refused.body().get("message").get("provider_restriction").get(0).asText())
                .isEqualTo("provider_restriction is a required property");
    }

    @Test
    void aTrialServicesApprovedBroadcastReachesNoNetwork() throws Exception {
        BroadcastTeam trial = BroadcastTeam.create(testServices, jdbc, true);
        BroadcastHttp.Reply created = http.postCap(trial.service().normalKey(), CapFixtures.alert("trial-2", "A drill."));
        UUID message = UUID.fromString(created.body().get("id").asText());

        BroadcastHttp.Reply approved = http.adminPost(trial.messages() + "/" + message + "/status",
                Map.of("status", "broadcasting", "created_by", trial.creator().toString()));

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("broadcasting");
        assertThat(events.events(message)).isEmpty();
        assertThat(AlertWebhook.mentioning(message.toString())).isEmpty();
    }

    private UUID approvedAlert(String identifier, String text) throws Exception {
        BroadcastHttp.Reply created = http.postCap(team.service().normalKey(), CapFixtures.alert(identifier, text));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID message = UUID.fromString(created.body().get("id").asText());
        BroadcastHttp.Reply approved = http.adminPost(team.messages() + "/" + message + "/status",
                Map.of("status", "broadcasting", "created_by", team.approver().toString()));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return message;
    }

    /** An approved alert, acknowledged by every operator: its event. */
    private BroadcastEvent sentAlert(String identifier) throws Exception {
        UUID message = approvedAlert(identifier, "Flooding expected.");
        acknowledged(alertEvent(message), OPERATORS);
        return events.events(message).get(0);
    }

    /** A second alert event of the same message, stored but not queued, made and finishing at these times. */
    private BroadcastEvent anotherAlert(BroadcastEvent alert, java.time.LocalDateTime sentAt,
                                        java.time.LocalDateTime finishesAt) {
        BroadcastEvent another = new BroadcastEvent(UUID.randomUUID(), alert.serviceId(), alert.broadcastMessageId(),
                sentAt, BroadcastEvent.ALERT, alert.body(), alert.transmittedAreas(), BroadcastEvent.SENDER,
                alert.transmittedStartsAt(), finishesAt);
        events.insert(another);
        return another;
    }

    private UUID alertEvent(UUID message) {
        List<BroadcastEvent> found = events.events(message);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).messageType()).isEqualTo("alert");
        return found.get(0).id();
    }

    /** Waits until the event is acknowledged by these operators, and returns their provider messages. */
    private Map<String, ProviderMessage> acknowledged(UUID event, List<String> operators) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.providerMessages(event).stream()
                .filter(p -> p.status().equals(ProviderMessage.ACK)).map(ProviderMessage::provider)
                .collect(Collectors.toSet()).containsAll(Set.copyOf(operators)));
        return events.providerMessages(event).stream().collect(Collectors.toMap(ProviderMessage::provider, p -> p));
    }

    private static List<LambdaStub.Invocation> invocations(String function, ProviderMessage message) {
        return LambdaStub.invocations().stream().filter(call -> call.function().equals(function)
                && call.payload().path("identifier").asText().equals(message.id().toString())).toList();
    }

    private static JsonNode onlyPayload(String function, ProviderMessage message) {
        List<LambdaStub.Invocation> calls = invocations(function, message);
        assertThat(calls).as(function).hasSize(1);
        return calls.get(0).payload();
    }
}
