package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.notifyhub.support.TestServices.TestService;

/**
 * Drill R6: the only node killed three times while a 100,000-row CSV job is being saved, recovered by the hub's own
 * watchdogs (check-job-status, process-incomplete-jobs, check-for-missing-rows-in-completed-jobs) and by its queues
 * giving back what a dead node held; checked from the job's rows and the stub provider (see README "Fault drills").
 */
class JobDrills {

    private static final int ROWS = 100_000;

    /** The watchdogs' times in drill minutes; messages a dead node held come back after a minute, not five. */
    private static final Map<String, Object> RECOVERY = Map.of(
            "notify.jobs.stalled-after-minutes", 2,
            "notify.schedules.check-job-status", "0/10 * * * * ?",
            "notify.jobs.missing-rows-after-minutes", 2,
            "notify.schedules.check-for-missing-rows-in-completed-jobs", "5/15 * * * * ?",
            "notify.sqs.visibility-timeout", 60,
            // The 100,000 sends take these two cores about 11 minutes: the sending timeout must outlast that backlog,
            // or sends the provider took are timed out before their receipts are read.
            "notify.timeout-sending-notifications.period-seconds", 900);

    @Test
    @Timeout(value = 35, unit = TimeUnit.MINUTES)
    void r6NodeKilledAtTenFiftyAndNinetyPercentOfAJob() throws Exception {
        try (DrillBed bed = new DrillBed("r6")) {
            bed.startNode(RECOVERY);
            TestService service = bed.service();
            long start = System.nanoTime();
            UUID jobId = new DrillAdmin(bed.hubBaseUrl()).startJob(service.id(), service.smsTemplate(), csv());
            List<Long> killedAt = new ArrayList<>();
            for (int percent : new int[] {10, 50, 90}) {
                killedAt.add(JobRun.awaitSaved(bed.db(), jobId, ROWS / 100 * percent, Duration.ofMinutes(6)));
                bed.killNode();
                bed.startNode(RECOVERY);
            }
            long lastStart = System.nanoTime();
            JobRun complete = JobRun.awaitComplete(bed.db(), jobId, ROWS, bed.providers(), Duration.ofMinutes(8));
            Duration toFinish = Duration.ofNanos(System.nanoTime() - start);
            Duration afterLastKill = Duration.ofNanos(System.nanoTime() - lastStart);
            // 100,000 sends and receipts take the bed's two cores about 11 minutes
            JobRun sent = JobRun.awaitFinal(bed.db(), jobId, bed.providers(), Duration.ofMinutes(16));
            boolean passed = complete.rows() == ROWS && complete.distinctRows() == ROWS && complete.firstRow() == 0
                    && complete.lastRow() == ROWS - 1 && "finished".equals(complete.status())
                    && sent.notFinal() == 0 && sent.sentTwice() == 0;
            DrillReport.row("R6", "kill -9 at 10 %, 50 %, 90 % of a 100,000-row job", ROWS, complete.rows(),
                    complete.rows(), ROWS - complete.distinctRows(), (complete.rows() - complete.distinctRows()) + " / "
                            + sent.sentTwice(),
                    "time to finish " + seconds(toFinish) + " from upload, " + seconds(afterLastKill)
                            + " after the last restart; killed at " + killedAt + " rows; job " + complete.status()
                            + "; stub took " + sent.sent() + ", not final " + sent.notFinal() + "; final " + sent.statuses(), passed);
            assertThat(complete.rows()).as("notifications of the job").isEqualTo(ROWS);
            assertThat(complete.distinctRows()).as("distinct job_row_number").isEqualTo(ROWS);
            assertThat(complete.firstRow()).isZero();
            assertThat(complete.lastRow()).isEqualTo(ROWS - 1);
            assertThat(complete.status()).isEqualTo("finished");
            assertThat(sent.notFinal()).as("notifications not final").isZero();
            assertThat(sent.sentTwice()).as("notifications the provider took twice").isZero();
        }
    }

    private static String csv() {
        StringBuilder csv = new StringBuilder(ROWS * 24).append("phone number,name\n");
        for (int row = 0; row < ROWS; row++) {
            csv.append("07800").append(100_000 + row % 1000).append(",Row ").append(row).append('\n');
        }
        return csv.toString();
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
