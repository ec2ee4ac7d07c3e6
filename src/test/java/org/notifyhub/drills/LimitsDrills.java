package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.notifyhub.support.TestServices.TestService;

/**
 * Drill R9: the limits' shared rows slow (locked by an open transaction for 10 s), then failing (their tables gone
 * for 10 s) under a steady load: sends are refused with a 503 in Notify's envelope within seconds, never a 500, a hang
 * or a 201 without a row, never past a daily limit, and they go through again once the rows are back, without a
 * restart (README "Limits").
 */
class LimitsDrills {

    private static final long EMAIL_LIMIT = 100;
    private static final int SERVICE_UNAVAILABLE = 503;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void r9LimitRowsLockedThenFailingUnderLoad() throws Exception {
        try (DrillBed bed = new DrillBed("r9")) {
            // Small blocks: the node leases on the rows every few sends, as it would near the end of an allowance.
            bed.startNode(Map.of("notify.limits.lease-max-block", 10));
            TestService service = bed.service();
            bed.db().sql("UPDATE services SET email_message_limit = :limit WHERE id = :id")
                    .param("limit", EMAIL_LIMIT).param("id", service.id()).update();
            DrillLoad load = new DrillLoad(bed.hubBaseUrl(), service, "r9").start(20);
            Thread.sleep(8_000);
            Map<Integer, Long> before = load.answers();
            try (LimitsFault locked = LimitsFault.lockRows(bed.jdbcUrl(), service.id())) {
                Thread.sleep(10_000);
            }
            Map<Integer, Long> whileLocked = since(before, load.answers());
            Thread.sleep(8_000);
            before = load.answers();
            try (LimitsFault gone = LimitsFault.tablesGone(bed.jdbcUrl())) {
                Thread.sleep(10_000);
            }
            long repairedAt = System.currentTimeMillis();
            Map<Integer, Long> whileGone = since(before, load.answers());
            Thread.sleep(3_000);
            before = load.answers();
            Thread.sleep(12_000);
            load.close();
            Map<Integer, Long> afterRepair = since(before, load.answers());
            DrillOutcome outcome = DrillOutcome.awaitFinal(load, bed.db(), bed.providers(), Duration.ofMinutes(2));
            long emailRows = bed.db().sql("SELECT count(*) FROM notifications WHERE service_id = :id"
                    + " AND notification_type = 'email'").param("id", service.id()).query(Long.class).single();
            long createdAfterRepair = load.createdAfter(repairedAt + 3_000);
            boolean passed = load.answered(500) == 0 && load.answered(DrillLoad.NO_ANSWER) == 0
                    && outcome.lost() == 0
                    && outcome.duplicateRows() == 0 && outcome.duplicateSends() == 0
                    && whileLocked.getOrDefault(SERVICE_UNAVAILABLE, 0L) > 0
                    && whileGone.getOrDefault(SERVICE_UNAVAILABLE, 0L) > 0
                    && !afterRepair.containsKey(SERVICE_UNAVAILABLE) && createdAfterRepair > 0 && emailRows <= EMAIL_LIMIT;
            DrillReport.row("R9", "limit rows locked 10 s, then their tables gone 10 s, at 20 requests/s", outcome,
                    "answers while locked " + whileLocked + ", while gone " + whileGone + ", from 3 s after the repair "
                            + afterRepair + "; email rows " + emailRows + " of a limit of " + EMAIL_LIMIT, passed);
            assertThat(load.answered(500)).as("500s").isZero();
            assertThat(load.answered(DrillLoad.NO_ANSWER)).as("requests left unanswered for 10 s").isZero();
            assertThat(outcome.lost()).as("201s without a row").isZero();
            assertThat(outcome.duplicateRows()).as("references with two rows").isZero();
            assertThat(outcome.duplicateSends()).as("notifications the provider took twice").isZero();
            assertThat(whileLocked).as("answers while the rows were locked").containsKey(SERVICE_UNAVAILABLE);
            assertThat(whileGone).as("answers while the tables were gone").containsKey(SERVICE_UNAVAILABLE);
            assertThat(afterRepair).as("answers from 3 s after the repair").doesNotContainKey(SERVICE_UNAVAILABLE);
            assertThat(createdAfterRepair).as("201s after the repair").isPositive();
            assertThat(emailRows).as("emails saved against a daily limit of " + EMAIL_LIMIT).isLessThanOrEqualTo(EMAIL_LIMIT);
        }
    }

    /** The answers counted between two snapshots of a load. */
    private static Map<Integer, Long> since(Map<Integer, Long> before, Map<Integer, Long> now) {
        Map<Integer, Long> counted = new TreeMap<>();
        now.forEach((status, count) -> {
            long added = count - before.getOrDefault(status, 0L);
            if (added > 0) {
                counted.put(status, added);
            }
        });
        return counted;
    }
}
