package org.notifyhub.letters.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Benchmark, not part of the suite (the name matches neither *Test nor *IT): a 65,000-line DVLA response file
 * (60,000 Sent, 5,000 failed; half Sorted) applied to 65,000 letters in sending, once through the service and once
 * end to end through the response bucket. Target: at most 10 s (reported, not asserted). Run it alone:
 * {@code mvn -B -o test -Dtest=DvlaResponseFileBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the timings are
 * printed and written to target/benchmarks/dvla-response-file.txt (row P10 of PipelineBenchmark).
 */
class DvlaResponseFileBenchmark extends HubIntegrationTest {

    private static final int LINES = 65_000;
    private static final int FAILED = 5_000;
    private static final Duration TARGET = Duration.ofSeconds(10);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DvlaResponseFiles files;

    @Autowired
    private ObjectStorage storage;

    @Autowired
    private ProducerTemplate producer;

    @Value("${notify.buckets.dvla-response}")
    private String responseBucket;

    @Test
    void applies65000LinesWithinTenSeconds() throws IOException {
        TestService service = testServices.create(false, List.of("letter"));
        // Warm-up: the JIT and the connection pool, on a small file.
        files.apply("NOTIFY-20240101120000-RSP.TXT", file(letters(service, 5_000)), "benchmark");

        List<String> references = letters(service, LINES);
        String content = file(references);
        long started = System.nanoTime();
        DvlaResponseFiles.Outcome outcome = files.apply("NOTIFY-20240102120000-RSP.TXT", content, "benchmark");
        Duration direct = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome.delivered()).isEqualTo(LINES - FAILED);
        assertThat(outcome.temporaryFailures()).isEqualTo(FAILED);
        assertThat(statusCounts(references)).isEqualTo(Map.of("delivered", LINES - FAILED, "temporary-failure", FAILED));

        List<String> viaBucket = letters(service, LINES);
        String name = "NOTIFY-20240103120000-RSP.TXT";
        started = System.nanoTime();
        storage.put(responseBucket, name, file(viaBucket).getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        // The test context's Quartz never fires: the poll runs as its trigger would run it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            producer.sendBody("direct:poll-dvla-response-bucket", null);
            return jdbc.sql("SELECT count(*) FROM dvla_response_files WHERE file_name = :f").param("f", name)
                    .query(Integer.class).single() == 1;
        });
        Duration endToEnd = Duration.ofNanos(System.nanoTime() - started);
        assertThat(statusCounts(viaBucket)).isEqualTo(Map.of("delivered", LINES - FAILED, "temporary-failure", FAILED));

        String report = String.format("%nDVLA response file benchmark: %,d lines (%,d failed), %,d bytes%n", LINES, FAILED,
                content.length())
                + String.format("  applied through DvlaResponseFiles: %,d ms (target %,d ms)%n", direct.toMillis(),
                TARGET.toMillis())
                + String.format("  end to end through the response bucket (put, poll, download, apply): %,d ms%n%n",
                endToEnd.toMillis());
        System.out.print(report);
        // PipelineBenchmark reads it as row P10.
        Path out = Path.of("target", "benchmarks", "dvla-response-file.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Letters in sending, inserted in one statement; returns their references. */
    private List<String> letters(TestService service, int count) {
        List<String> references = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            references.add(LetterRows.reference());
        }
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", service_id, template_id, template_version, key_type, billable_units,
                                                   notification_type, created_at, sent_at, sent_by, notification_status,
                                                   reference, postage)
                        SELECT gen_random_uuid(), 'A Person' || chr(10) || 'SW1A 1AA', :service, :template, 1, 'normal', 1,
                               'letter', :createdAt, :sentAt, 'dvla', 'sending', r, 'second'
                        FROM unnest(:references) AS r""")
                .param("service", service.id())
                .param("template", service.letterTemplate())
                .param("createdAt", LocalDateTime.now(ZoneOffset.UTC).minusDays(1))
                .param("sentAt", LocalDateTime.now(ZoneOffset.UTC).minusHours(20))
                .param("references", new SqlArrayValue("varchar", references.toArray()))
                .update();
        return references;
    }

    private static String file(List<String> references) {
        StringBuilder file = new StringBuilder(references.size() * 32);
        for (int i = 0; i < references.size(); i++) {
            file.append(references.get(i)).append(i % 13 == 0 && i / 13 < FAILED ? "|Failed|1|" : "|Sent|1|")
                    .append(i % 2 == 0 ? "Sorted" : "Unsorted").append("\r\n");
        }
        return file.toString();
    }

    private Map<String, Integer> statusCounts(List<String> references) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT notification_status, count(*) AS n FROM notifications WHERE reference = ANY(:r) GROUP BY 1")
                .param("r", new SqlArrayValue("varchar", references.toArray()))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }
}
