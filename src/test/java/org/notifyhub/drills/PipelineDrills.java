package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.notifyhub.support.TestServices.TestService;
import uk.gov.service.notify.NotificationClient;

/**
 * Drills R1-R5: the send pipeline under a steady load while something fails, checked from the database and the stub
 * provider (README "Fault drills"). Each drill has its own bed, so one's leftovers never count in another. Every drill
 * holds the hub to the same outcome: no 201 without a row, no reference with two rows, no notification the provider
 * took twice, every row final once the fault is over.
 */
class PipelineDrills {

    private static final Duration SETTLE = Duration.ofMinutes(7);
    private static final int RATE = 25;

    /** What a drill does to the bed while the load runs; returns what it measured, for the results table. */
    private interface Fault {
        String inject(DrillBed bed, DrillLoad load) throws Exception;
    }

    private record Run(DrillOutcome outcome, String measured, DrillLoad load) {
        boolean clean() {
            return outcome.created() > 0 && outcome.lost() == 0 && outcome.duplicateRows() == 0
                    && outcome.duplicateSends() == 0 && outcome.notFinal() == 0 && outcome.deliveredNeverSent() == 0;
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void r1NodeKilledThreeTimesUnderLoad() throws Exception {
        try (DrillBed bed = new DrillBed("r1")) {
            Run run = underLoad(bed, "r1", Map.of(), (b, load) -> {
                for (int kill = 0; kill < 3; kill++) {
                    Thread.sleep(15_000);
                    b.killNode();
                    b.startNode(Map.of());
                }
                Thread.sleep(10_000);
                return "3 kills";
            });
            DrillReport.row("R1", "3 × kill -9 of the only node at " + RATE + " requests/s", run.outcome(), run.measured(), run.clean());
            assertClean(run);
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void r2MessagesDeliveredTwiceAndVisibilityExpiringMidTask() throws Exception {
        try (DrillBed bed = new DrillBed("r2")) {
            // 3 s of visibility, while one send in ten takes 4 s and the node holds a window's worth waiting: messages
            // come back while their first copy is still being worked on; and one in ten comes twice anyway.
            Map<String, Object> node = Map.of("notify.sqs.visibility-timeout", 3, "notify.sms.provider-timeout-seconds", 8,
                    "notify.ses.send-timeout", "8s");
            Run run = underLoad(bed, "r2", node, (b, load) -> {
                b.gate().duplicateReceives(0.1);
                b.providers().faults(new StubProviders.Faults(0, 0, 0, Duration.ZERO, Duration.ofSeconds(4), 0.1));
                Thread.sleep(60_000);
                b.providers().faults(StubProviders.Faults.NONE);
                b.gate().duplicateReceives(0);
                return b.gate().duplicated() + " messages delivered twice";
            });
            DrillReport.row("R2", "10 % of received messages delivered again; 3 s visibility, 10 % of sends take 4 s", run.outcome(),
                    run.measured(), run.clean() && bed.gate().duplicated() > 0);
            assertThat(bed.gate().duplicated()).as("second copies delivered").isPositive();
            assertClean(run);
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void r3DatabaseStoppedUnderLoad() throws Exception {
        try (DrillBed bed = new DrillBed("r3")) {
            long[] restartedAt = new long[1];
            long[] pid = new long[1];
            Run run = underLoad(bed, "r3", Map.of(), (b, load) -> {
                pid[0] = b.node().pid();
                Thread.sleep(10_000);
                b.stopDatabase();
                Thread.sleep(20_000);
                b.startDatabase();
                restartedAt[0] = System.currentTimeMillis();
                Thread.sleep(30_000);
                return "PostgreSQL down 20 s";
            });
            long createdAfterRestart = run.load().createdAfter(restartedAt[0]);
            boolean sameNode = bed.node().pid() == pid[0] && bed.node().isAlive();
            long answers500 = run.outcome().answers().getOrDefault(500, 0L);
            String measured = run.measured() + "; 500s " + answers500 + "; 201s after it came back " + createdAfterRestart
                    + " (same node: " + sameNode + ")";
            DrillReport.row("R3", "PostgreSQL stopped for 20 s at " + RATE + " requests/s", run.outcome(), measured,
                    run.clean() && answers500 == 0 && sameNode && createdAfterRestart > 0);
            assertThat(answers500).as("500s while the database was down").isZero();
            assertThat(run.outcome().answers()).as("503s while the database was down").containsKey(503);
            assertThat(sameNode).as("the node recovered without a restart").isTrue();
            assertThat(createdAfterRestart).as("201s once the database was back").isPositive();
            assertClean(run);
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void r4FlakyProvider() throws Exception {
        try (DrillBed bed = new DrillBed("r4")) {
            String[] doomed = new String[1];
            Run run = underLoad(bed, "r4", Map.of(), (b, load) -> {
                b.providers().refuseEverySendTo("447700900999");
                doomed[0] = sendSms(b, load.service(), "07700900999", load.runId() + "-doomed");
                // 2 s provider timeout; a late answer comes after 3 s, when the send was in fact taken.
                b.providers().faults(new StubProviders.Faults(0.3, 0.1, 0.1, Duration.ofSeconds(3), Duration.ZERO, 0));
                Thread.sleep(30_000);
                b.providers().faults(StubProviders.Faults.NONE);
                Thread.sleep(10_000);
                return "faults for 30 s";
            });
            int doomedAttempts = bed.providers().attemptsFor(doomed[0]);
            String doomedStatus = bed.db().sql("SELECT notification_status FROM notifications WHERE id = :id")
                    .param("id", UUID.fromString(doomed[0])).query(String.class).single();
            long technicalFailures = run.outcome().statuses().getOrDefault("technical-failure", 0L);
            // The doomed one is the only technical-failure: it got 1 + 6 retries (the configured ladder), never more.
            boolean passed = run.clean() && technicalFailures == 1 && doomedStatus.equals("technical-failure") && doomedAttempts == 7;
            DrillReport.row("R4", "provider: 30 % 500s, 10 % 429s, 10 % taken but answered too late, for 30 s", run.outcome(),
                    run.measured() + "; always-refused send: " + doomedAttempts + " attempts, " + doomedStatus, passed);
            assertThat(doomedStatus).isEqualTo("technical-failure");
            assertThat(doomedAttempts).as("first send and the 6 retries of the ladder").isEqualTo(7);
            assertThat(technicalFailures).as("technical failures besides the always-refused send").isEqualTo(1);
            assertClean(run);
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void r5QueueServerDownAtEnqueue() throws Exception {
        try (DrillBed bed = new DrillBed("r5")) {
            long[] backAt = new long[1];
            Run run = underLoad(bed, "r5", Map.of(), (b, load) -> {
                Thread.sleep(10_000);
                b.gate().shut();
                Thread.sleep(20_000);
                b.gate().open();
                backAt[0] = System.currentTimeMillis();
                Thread.sleep(10_000);
                return "queue server away 20 s";
            });
            long recoverySeconds = (System.currentTimeMillis() - backAt[0]) / 1000;
            String measured = run.measured() + "; all final " + recoverySeconds + " s after it came back";
            DrillReport.row("R5", "queue server unreachable for 20 s at " + RATE + " requests/s", run.outcome(), measured, run.clean());
            assertClean(run);
        }
    }

    private Run underLoad(DrillBed bed, String name, Map<String, Object> node, Fault fault) throws Exception {
        bed.startNode(node);
        TestService service = bed.service();
        DrillLoad load = new DrillLoad(bed.hubBaseUrl(), service, name + "-" + UUID.randomUUID().toString().substring(0, 8)).start(RATE);
        String measured;
        try {
            measured = fault.inject(bed, load);
        } finally {
            load.close();
        }
        DrillOutcome outcome = DrillOutcome.awaitFinal(load, bed.db(), bed.providers(), SETTLE);
        return new Run(outcome, measured, load);
    }

    private static String sendSms(DrillBed bed, TestService service, String number, String reference) throws Exception {
        return new NotificationClient(service.normalKey(), bed.hubBaseUrl())
                .sendSms(service.smsTemplate().toString(), number, Map.of("name", "Drill"), reference)
                .getNotificationId().toString();
    }

    private static void assertClean(Run run) {
        DrillOutcome outcome = run.outcome();
        assertThat(outcome.created()).as("201s").isPositive();
        assertThat(outcome.lost()).as("201s without a row").isZero();
        assertThat(outcome.duplicateRows()).as("references with two rows").isZero();
        assertThat(outcome.duplicateSends()).as("notifications the provider took twice").isZero();
        assertThat(outcome.notFinal()).as("rows not final; statuses %s", outcome.statuses()).isZero();
        assertThat(outcome.deliveredNeverSent()).as("delivered rows the provider never took").isZero();
    }
}
