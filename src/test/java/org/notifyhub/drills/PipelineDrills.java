package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.TestServices.TestService;

/**
 * Drills R1-R5: the send pipeline under a steady load while something fails, checked from the database and the stub
 * provider (see README "Fault drills"). Each drill has its own bed, so one's leftovers never count in another.
 */
class PipelineDrills {

    private static final Duration SETTLE = Duration.ofMinutes(5);

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void r1NodeKilledThreeTimesUnderLoad() throws Exception {
        try (DrillBed bed = new DrillBed("r1")) {
            bed.startNode(Map.of());
            TestService service = bed.service();
            DrillLoad load = new DrillLoad(bed.hubBaseUrl(), service, "r1").start(25);
            for (int kill = 0; kill < 3; kill++) {
                Thread.sleep(15_000);
                bed.killNode();
                bed.startNode(Map.of());
            }
            Thread.sleep(10_000);
            load.close();
            DrillOutcome outcome = DrillOutcome.awaitFinal(load, bed.db(), bed.providers(), SETTLE);
            boolean passed = outcome.lost() == 0 && outcome.duplicateRows() == 0 && outcome.duplicateSends() == 0
                    && outcome.notFinal() == 0 && outcome.created() > 0;
            DrillReport.row("R1", "3 × kill -9 of the only node at 25 requests/s", outcome, "3 kills", passed);
            assertThat(outcome.created()).isPositive();
            assertThat(outcome.lost()).as("201s without a row").isZero();
            assertThat(outcome.duplicateRows()).as("references with two rows").isZero();
            assertThat(outcome.duplicateSends()).as("notifications the provider took twice").isZero();
            assertThat(outcome.notFinal()).as("rows not final; statuses %s", outcome.statuses()).isZero();
            assertThat(DrillOutcome.deliveredButNeverSent(load, bed.db(), bed.providers())).isZero();
        }
    }
}
