package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin app's broadcast endpoints: draft, edit, submit, approve by a second person, list; Notify's refusals. */
class BroadcastMessagesAdminIT extends BroadcastTeamTest {

    private static final List<List<List<Double>>> POLYGONS = List.of(List.of(List.of(52.40, -1.52),
            List.of(52.41, -1.51), List.of(52.39, -1.50), List.of(52.40, -1.52)));

    @Autowired
    private BroadcastJobs jobs;

    @Test
    void aDraftIsEditedSubmittedAndApprovedByAnotherMember() throws Exception {
        UUID id = draft("Gas leak: stay indoors.");
        String path = team.messages() + "/" + id;

        BroadcastHttp.Reply edited = http.adminPost(path, Map.of("areas",
                Map.of("ids", List.of("ctyua19-E10000016"), "simple_polygons", POLYGONS)));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().get("areas").get("simple_polygons")).hasSize(1);
        assertThat(edited.body().get("updated_at").isNull()).isFalse();
        assertThat(status(path, "pending-approval", team.creator()).status()).isEqualTo(200);

        BroadcastHttp.Reply own = status(path, "broadcasting", team.creator());
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.body().get("message").asText())
                .isEqualTo("User " + team.creator() + " cannot approve their own broadcast_message " + id);

        BroadcastHttp.Reply approved = status(path, "broadcasting", team.approver());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        JsonNode body = approved.body();
        assertThat(body.get("status").asText()).isEqualTo("broadcasting");
        assertThat(body.get("approved_by_id").asText()).isEqualTo(team.approver().toString());
        LocalDateTime starts = LocalDateTime.parse(body.get("starts_at").asText().replace("Z", ""));
        LocalDateTime finishes = LocalDateTime.parse(body.get("finishes_at").asText().replace("Z", ""));
        assertThat(Duration.between(starts, finishes)).isEqualTo(Duration.ofHours(22).plusMinutes(30));

        BroadcastHttp.Reply backwards = status(path, "draft", team.approver());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("message").asText())
                .isEqualTo("Cannot move broadcast_message " + id + " from broadcasting to draft");
        BroadcastHttp.Reply lateEdit = http.adminPost(path, Map.of("finishes_at", "2030-01-01T00:00:00Z"));
        assertThat(lateEdit.status()).isEqualTo(400);
        assertThat(lateEdit.body().get("message").asText())
                .isEqualTo("Cannot update broadcast_message " + id + " while it has status broadcasting");

        assertThat(http.adminGet(path).body().get("status").asText()).isEqualTo("broadcasting");
        assertThat(http.adminGet(team.messages()).body().get("broadcast_messages")).extracting(m -> m.get("id").asText())
                .containsExactly(id.toString());
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        UUID id = draft("Gas leak: stay indoors.");
        String path = team.messages() + "/" + id;
        status(path, "pending-approval", team.creator());

        BroadcastHttp.Reply noAreas = status(path, "broadcasting", team.approver());
        assertThat(noAreas.status()).isEqualTo(400);
        assertThat(noAreas.body().get("message").asText())
                .isEqualTo("broadcast_message " + id + " has no selected areas and so cannot be broadcasted.");
        UUID outsider = BroadcastTeam.member(jdbc, testServices.create(false, List.of("broadcast")).id());
        BroadcastHttp.Reply stranger = status(path, "rejected", outsider);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().get("message").asText())
                .isEqualTo("User " + outsider + " cannot update broadcast_message " + id + " from other service");
        BroadcastHttp.Reply unknownStatus = status(path, "on-air", team.approver());
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.body().get("message").get("status").get(0).asText()).startsWith("status on-air is not one of");
        BroadcastHttp.Reply halfAreas = http.adminPost(path, Map.of("areas", Map.of("ids", List.of("x"))));
        assertThat(halfAreas.body().get("message").asText())
                .isEqualTo("Cannot update broadcast_message " + id + ", area IDs or polygons are missing.");
        BroadcastHttp.Reply badPolygons = http.adminPost(path, Map.of("areas",
                Map.of("ids", List.of("x"), "simple_polygons", List.of("nowhere"))));
        assertThat(badPolygons.status()).isEqualTo(400);
        assertThat(http.adminGet(team.messages() + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.adminPost(team.messages(), Map.of("service_id", team.service().id().toString(),
                "created_by", team.creator().toString(), "content", "x".repeat(1_396), "reference", "r"))
                .body().get("message").asText()).isEqualTo("Content must be 1,395 characters or fewer");

        JsonNode unchanged = http.adminGet(path).body();
        assertThat(unchanged.get("status").asText()).isEqualTo("pending-approval");
        assertThat(unchanged.get("areas").isEmpty()).isTrue();
        assertThat(http.adminGet(team.messages()).body().get("broadcast_messages")).hasSize(1);
    }

    @Test
    void autoExpireCompletesBroadcastsPastTheirFinish() throws Exception {
        UUID id = draft("Gas leak: stay indoors.");
        String path = team.messages() + "/" + id;
        http.adminPost(path, Map.of("areas", Map.of("ids", List.of("a"), "simple_polygons", POLYGONS)));
        status(path, "pending-approval", team.creator());
        status(path, "broadcasting", team.approver());
        jdbc.sql("UPDATE broadcast_message SET finishes_at = starts_at - interval '1 second' WHERE id = :id")
                .param("id", id).update();

        assertThat(jobs.autoExpire()).containsExactly(id);

        assertThat(http.adminGet(path).body().get("status").asText()).isEqualTo("completed");
        assertThat(jobs.autoExpire()).doesNotContain(id);
    }

    private UUID draft(String content) throws Exception {
        BroadcastHttp.Reply created = http.adminPost(team.messages(), Map.of("service_id", team.service().id().toString(),
                "created_by", team.creator().toString(), "content", content, "reference", "gas-leak"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("draft");
        assertThat(created.body().get("created_by_id").asText()).isEqualTo(team.creator().toString());
        return UUID.fromString(created.body().get("id").asText());
    }

    private BroadcastHttp.Reply status(String path, String status, UUID user) throws Exception {
        return http.adminPost(path + "/status", Map.of("status", status, "created_by", user.toString()));
    }
}
