package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.support.TestServices.TestService;

/**
 * POST /letters/returned, end to end: the references go through database-tasks to process-returned-letters-list,
 * which marks letters returned in notifications and history and records them once in returned_letters.
 */
class ReturnedLettersAdminApiIT extends AdminApiTest {

    @Test
    void returnedLettersAreMarkedInNotificationsAndHistoryAndRecordedOnce() {
        TestService service = testServices.create(false, List.of("letter"));
        LetterRows letters = new LetterRows(jdbc);
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusDays(3);
        String delivered = LetterRows.reference();
        UUID deliveredId = letters.insert(service, delivered, "delivered", created);
        String purged = LetterRows.reference();
        UUID purgedId = letters.insertHistory(service, purged, "delivered", created.minusDays(10));
        String neverPrinted = LetterRows.reference();
        UUID neverPrintedId = letters.insert(service, neverPrinted, "created", created);
        String unknown = LetterRows.reference();

        AdminClient.Response response = admin.post("/letters/returned",
                Map.of("references", List.of(delivered, purged, neverPrinted, unknown)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("references").size()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> returned(deliveredId) != null && returned(purgedId) != null);
        assertThat(letters.status(delivered)).isEqualTo("returned-letter");
        assertThat(letters.historyStatus(purged)).isEqualTo("returned-letter");
        assertThat(letters.status(neverPrinted)).isEqualTo("created");
        assertThat(returned(neverPrintedId)).isNull();
        LocalDate londonToday = LocalDate.now(NotifyTime.LONDON);
        assertThat(returned(deliveredId)).isEqualTo(londonToday);
        assertThat(jdbc.sql("SELECT service_id FROM returned_letters WHERE notification_id = :id").param("id", purgedId)
                .query(UUID.class).single()).isEqualTo(service.id());

        // Reported again: still one row per letter.
        assertThat(admin.post("/letters/returned", Map.of("references", List.of(delivered))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT updated_at IS NOT NULL FROM returned_letters WHERE notification_id = :id")
                .param("id", deliveredId).query(Boolean.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM returned_letters WHERE notification_id IN (:ids)")
                .param("ids", List.of(deliveredId, purgedId)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void manyReferencesAreQueuedInChunksOfFiveThousandAndEveryChunkIsApplied() {
        TestService service = testServices.create(false, List.of("letter"));
        LetterRows letters = new LetterRows(jdbc);
        List<String> references = new ArrayList<>();
        IntStream.range(0, 5001).forEach(i -> references.add(LetterRows.reference()));
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusDays(3);
        UUID inFirstChunk = letters.insert(service, references.get(0), "sending", created);
        UUID inSecondChunk = letters.insert(service, references.get(5000), "delivered", created);

        AdminClient.Response response = admin.post("/letters/returned", Map.of("references", references));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("references").size()).isEqualTo(5001);
        await().atMost(Duration.ofSeconds(20)).until(() -> returned(inFirstChunk) != null && returned(inSecondChunk) != null);
        assertThat(letters.status(references.get(5000))).isEqualTo("returned-letter");
    }

    @Test
    void badRequestsAreRefusedWithTheFieldsErrorsAndNothingIsQueued() {
        assertThat(admin.post("/letters/returned", Map.of()).json().at("/message/references/0").asText())
                .isEqualTo("references is a required property");
        AdminClient.Response empty = admin.post("/letters/returned", Map.of("references", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/result").asText()).isEqualTo("error");
        assertThat(empty.json().at("/message/references/0").asText()).isEqualTo("references [] is too short");
        AdminClient.Response bad = admin.post("/letters/returned",
                Map.of("references", List.of("ABCDEFGHIJKLMNOP", "abcdefghijklmnop", "SHORT")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/message/references").toString()).isEqualTo(
                "[\"references abcdefghijklmnop does not match ^[0-9A-Z]{16}$\",\"references SHORT does not match ^[0-9A-Z]{16}$\"]");
        assertThat(admin.send("POST", "/letters/returned", Map.of("references", List.of("ABCDEFGHIJKLMNOP")),
                "Bearer not-a-token").status()).isEqualTo(403);
    }

    private LocalDate returned(UUID notificationId) {
        return jdbc.sql("SELECT reported_at FROM returned_letters WHERE notification_id = :id").param("id", notificationId)
                .query(LocalDate.class).optional().orElse(null);
    }
}
