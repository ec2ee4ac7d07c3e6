package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.notifyhub.drills.DrillLetters.Letter;
import org.notifyhub.letters.collation.PrintRun;
import org.notifyhub.support.TestServices.TestService;
import uk.gov.service.notify.NotificationClient;

/**
 * The production topology on real, separate servers (README "The same topology as plain processes: the cluster run"),
 * run by {@code mvn -B test -Pcluster} and in CI after the suite: PostgreSQL from the system's packages, ElasticMQ,
 * S3Proxy and the DVLA FTP server as their own processes, and five hub nodes as their own JVMs configured only by
 * environment variables: api ×2, worker ×2, scheduler ×1. Email and SMS go to both api nodes, some of them and the
 * letters through the official Java client, a CSV job and a letter collation through the admin API; a worker and the
 * scheduler are killed with SIGKILL mid-run and started again. Then every accepted notification must reach its final
 * status with at most one send the provider took, every job row be sent once, and every letter be in exactly one zip.
 */
class ClusterRun {

    private static final int LOAD_PER_API_NODE = 8;
    private static final int JOB_ROWS = 300;
    private static final int LETTERS = 6;
    private static final int CLIENT_SENDS = 20;
    /** Sends a killed worker may have had with the provider (NOTIFY_DELIVERY_IN_FLIGHT per send queue, 2 queues). */
    private static final int IN_FLIGHT_WINDOW = 2 * 8;
    private static final Duration SETTLE = Duration.ofMinutes(5);

    @Test
    void fiveNodesOnSeparateServersLoseNothingAndSendNothingTwice() throws Exception {
        Instant began = Instant.now();
        try (ClusterBed bed = new ClusterBed()) {
            bed.start("api-1", "api");
            startTogether(bed, Map.of("api-2", "api", "worker-1", "worker", "worker-2", "worker", "scheduler", "scheduler"));
            TestService service = DrillBed.service(bed.db());
            String run = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
            try (DrillLoad viaApi1 = new DrillLoad(bed.node("api-1").baseUrl(), service, run + "-a");
                 DrillLoad viaApi2 = new DrillLoad(bed.node("api-2").baseUrl(), service, run + "-b");
                 DrillLetters letters = new DrillLetters(bed.db(), bed.serverSettings(), bed.node("api-2").baseUrl())) {
                viaApi1.start(LOAD_PER_API_NODE);
                viaApi2.start(LOAD_PER_API_NODE);
                UUID jobId = new DrillAdmin(bed.node("api-1").baseUrl()).startJob(service.id(), service.smsTemplate(), csv());
                List<UUID> letterIds = letters.send(service, LETTERS);
                List<UUID> clientSent = sendWithTheOfficialClient(bed, service, run);
                Thread.sleep(8_000);
                List<String> kills = new ArrayList<>();
                for (String name : List.of("worker-1", "scheduler")) {
                    bed.kill(name);
                    kills.add(name + " killed at " + Duration.between(began, Instant.now()).toSeconds() + " s");
                    Thread.sleep(5_000);
                    bed.start(name, name.startsWith("worker") ? "worker" : "scheduler");
                    Thread.sleep(5_000);
                }
                viaApi1.stop();
                viaApi2.stop();

                List<Letter> made = letters.awaitPdfs(letterIds, Duration.ofMinutes(2));
                letters.intoPrintRun(made, PrintRun.at(Instant.now()));
                letters.collate();
                ZipsOnServer zips = ZipsOnServer.read(bed.ftpHome().resolve("notify"));

                DrillOutcome first = DrillOutcome.awaitFinal(viaApi1, bed.db(), bed.providers(), SETTLE);
                DrillOutcome second = DrillOutcome.awaitFinal(viaApi2, bed.db(), bed.providers(), Duration.ofMinutes(1));
                JobRun job = JobRun.awaitFinal(bed.db(), jobId, bed.providers(), Duration.ofMinutes(1));
                Map<String, Long> clientStatuses = statuses(bed, clientSent);
                long clientSentTwice = clientSent.stream().filter(id -> bed.providers().acceptedFor(id.toString()) > 1).count();
                long clientNotFinal = clientSent.size() - clientStatuses.entrySet().stream()
                        .filter(e -> DrillOutcome.FINAL.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
                List<Letter> collated = letters.letters(letterIds);
                long lettersSending = collated.stream().filter(letter -> letter.status().equals("sending")).count();
                long lettersInOneZip = collated.stream().filter(letter -> zips.zipsOf(letter.reference()) == 1).count();

                System.out.printf("%nCluster run (%s, %d s): api x2, worker x2, scheduler x1; %s; server logs in %s%n", run,
                        Duration.between(began, Instant.now()).toSeconds(), String.join(", ", kills), bed.folder());
                System.out.println("| path | accepted | final | lost | duplicate rows | duplicate sends | not final | statuses |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
                for (Map.Entry<String, DrillOutcome> entry : new TreeMap<>(Map.of("v2 via api-1", first, "v2 via api-2", second)).entrySet()) {
                    DrillOutcome o = entry.getValue();
                    System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %s answers %s |%n", entry.getKey(), o.created(),
                            o.rows() - o.notFinal(), o.lost(), o.duplicateRows(), o.duplicateSends(), o.notFinal(),
                            o.statuses(), o.answers());
                }
                System.out.printf("| official Java client | %d | %d | %d | 0 | %d | %d | %s |%n", clientSent.size(),
                        clientSent.size() - clientNotFinal, clientSent.size() - clientStatuses.values().stream()
                                .mapToLong(Long::longValue).sum(), clientSentTwice, clientNotFinal, clientStatuses);
                System.out.printf("| CSV job | %d | %d | %d | %d | %d | %d | %s, provider took %d |%n", JOB_ROWS,
                        job.rows() - job.notFinal(), JOB_ROWS - job.distinctRows(), job.rows() - job.distinctRows(),
                        job.sentTwice(), job.notFinal(), job.statuses(), job.sent());
                System.out.printf("| letters | %d | %d sending | %d | - | %d in two zips | %d | %d zips |%n", LETTERS,
                        lettersSending, LETTERS - lettersInOneZip, collated.stream().filter(l -> zips.zipsOf(l.reference()) > 1).count(),
                        LETTERS - lettersSending, zips.zips());

                for (DrillOutcome outcome : List.of(first, second)) {
                    assertThat(outcome.created()).as("accepted sends").isGreaterThan(100);
                    assertThat(outcome.lost()).as("accepted without a row").isZero();
                    assertThat(outcome.duplicateRows()).as("references with two rows").isZero();
                    assertThat(outcome.notFinal()).as("rows not final").isZero();
                    assertThat(outcome.deliveredNeverSent()).as("delivered, never sent").isZero();
                    assertThat(outcome.statuses()).containsKey("delivered");
                }
                assertThat(clientStatuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(clientSent.size());
                assertThat(clientNotFinal).as("official client's sends not final").isZero();
                assertThat(first.duplicateSends() + second.duplicateSends() + job.sentTwice() + clientSentTwice)
                        .as("notifications the provider took twice (at most the killed worker's in-flight window)")
                        .isLessThanOrEqualTo(IN_FLIGHT_WINDOW);
                assertThat(job.status()).isEqualTo("finished");
                assertThat(job.rows()).isEqualTo(JOB_ROWS);
                assertThat(job.distinctRows()).isEqualTo(JOB_ROWS);
                assertThat(job.notFinal()).isZero();
                assertThat(lettersSending).as("letters sending after collation").isEqualTo(LETTERS);
                assertThat(lettersInOneZip).as("letters in exactly one zip").isEqualTo(LETTERS);
                assertThat(zips.unreadable()).isEmpty();
            }
        }
    }

    /** Emails and texts through the official Java client, to each api node in turn; their ids. */
    private static List<UUID> sendWithTheOfficialClient(ClusterBed bed, TestService service, String run) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CLIENT_SENDS; i++) {
            NotificationClient client = new NotificationClient(service.normalKey(), bed.node("api-" + (1 + i % 2)).baseUrl());
            Map<String, Object> personalisation = Map.of("name", "Client " + i);
            ids.add(i % 2 == 0
                    ? client.sendEmail(service.emailTemplate().toString(), "client+" + i + "@example.com", personalisation,
                            run + "-client-" + i).getNotificationId()
                    : client.sendSms(service.smsTemplate().toString(), "07700900" + (800 + i), personalisation,
                            run + "-client-" + i).getNotificationId());
        }
        return ids;
    }

    private static Map<String, Long> statuses(ClusterBed bed, List<UUID> ids) {
        Map<String, Long> statuses = new TreeMap<>();
        bed.db().sql("SELECT notification_status, count(*) FROM notifications WHERE id IN (:ids) GROUP BY notification_status")
                .param("ids", ids).query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2))).list();
        return statuses;
    }

    /** Starts these nodes (name → roles) at once and waits until every one is ready (or has failed). */
    private static void startTogether(ClusterBed bed, Map<String, String> nodes) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(nodes.size());
        List<Future<?>> started = new ArrayList<>();
        nodes.forEach((name, roles) -> started.add(starter.submit(() -> bed.start(name, roles))));
        starter.shutdown();
        Exception failed = null;
        for (Future<?> node : started) {
            try {
                node.get();
            } catch (ExecutionException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static String csv() {
        StringBuilder csv = new StringBuilder().append("phone number,name\n");
        for (int row = 0; row < JOB_ROWS; row++) {
            csv.append("07800").append(200_000 + row).append(",Row ").append(row).append('\n');
        }
        return csv.toString();
    }
}
