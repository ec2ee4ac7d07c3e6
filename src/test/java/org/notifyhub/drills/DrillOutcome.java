package org.notifyhub.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a drill left behind, read from the database and the stub provider: the rows of its requests (by their
 * references), the 201s without a row, references with more than one row, notifications the provider took more than
 * once, rows not yet in a final status, and rows delivered that the provider never took.
 */
record DrillOutcome(long requests, long created, long rows, long lost, long duplicateRows, long duplicateSends,
                    long notFinal, long deliveredNeverSent, Map<String, Long> statuses, Map<Integer, Long> answers) {

    static final List<String> FINAL = List.of("delivered", "permanent-failure", "temporary-failure", "technical-failure",
            "validation-failed", "virus-scan-failed", "cancelled", "returned-letter");

    private record Row(String id, String reference, String status) {
    }

    static DrillOutcome of(DrillLoad load, JdbcClient db, StubProviders providers) {
        List<Row> rows = rows(db, load.runId());
        Set<String> ids = rows.stream().map(Row::id).collect(Collectors.toSet());
        Set<String> references = new HashSet<>();
        long duplicateRows = rows.stream().filter(row -> !references.add(row.reference())).count();
        long lost = load.created().stream().filter(id -> !ids.contains(id)).count();
        long duplicateSends = rows.stream().filter(row -> providers.acceptedFor(row.id()) > 1).count();
        Map<String, Long> statuses = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(Row::status, Collectors.counting())));
        long notFinal = rows.stream().filter(row -> !FINAL.contains(row.status())).count();
        // A receipt applied to the wrong row would show here.
        long deliveredNeverSent = rows.stream()
                .filter(row -> row.status().equals("delivered") && providers.acceptedFor(row.id()) == 0).count();
        return new DrillOutcome(load.requests(), load.created().size(), rows.size(), lost, duplicateRows, duplicateSends,
                notFinal, deliveredNeverSent, statuses, load.answers());
    }

    /** Waits until every row of the run is final (or the time is up) and reads the outcome then. */
    static DrillOutcome awaitFinal(DrillLoad load, JdbcClient db, StubProviders providers, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        DrillOutcome outcome = of(load, db, providers);
        while (outcome.notFinal() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            outcome = of(load, db, providers);
        }
        return outcome;
    }

    private static List<Row> rows(JdbcClient db, String runId) {
        return db.sql("SELECT id, client_reference, notification_status FROM notifications WHERE client_reference LIKE :prefix")
                .param("prefix", runId + "-%")
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class).toString(), rs.getString("client_reference"),
                        rs.getString("notification_status")))
                .list();
    }
}
