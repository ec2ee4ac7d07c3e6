package org.notifyhub.letters.collation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.letters.collation.CollationSummary;
import org.notifyhub.letters.collation.LetterCollation;
import org.notifyhub.letters.collation.PrintRun;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a timed test: a harness that puts about 500 MB of letter PDFs into the embedded S3Proxy, runs the collation
 * with the configured limits against the embedded FTP server, and prints the elapsed time and heap growth (the most
 * heap live after any garbage collection during the run, less the heap live before it). Run it with
 * {@code mvn -B -o test -Pbench}; the result is also written to target/letter-collation-benchmark.txt.
 */
class LetterCollationBenchmark extends HubIntegrationTest {

    private static final int PDFS = Integer.getInteger("bench.pdfs", 1000);
    private static final int PDF_BYTES = Integer.getInteger("bench.pdf-bytes", 500 * 1024);
    private static final long MB = 1024 * 1024;

    @Autowired
    LetterCollation collation;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ObjectStorage storage;
    @Autowired
    JdbcClient jdbc;
    @Value("${notify.buckets.letters-pdf}")
    String bucket;

    @Test
    void collateAndUploadAboutFiveHundredMegabytesOfPdfs() throws Exception {
        // A small run first, so class loading and the SFTP endpoint's set-up are not part of the measurement.
        TestService warmUpService = testServices.create(false, List.of("letter"));
        letters(warmUpService, "WARMU", LocalDateTime.parse("2019-03-18T09:00:00"), 20);
        collation.collate(PrintRun.at(Instant.parse("2019-03-18T17:50:00Z")));

        TestService service = testServices.create(false, List.of("letter"));
        letters(service, "BENCH", LocalDateTime.parse("2019-03-19T09:00:00"), PDFS);
        long pdfBytes = (long) PDFS * PDF_BYTES;

        System.gc();
        long before = usedHeap();
        AtomicLong maxLiveAfterGc = new AtomicLong(before);
        List<Runnable> stopListening = listenToGcs(maxLiveAfterGc);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long gcsStarted = gcCount();
        Recording recording = profileIfAsked();
        long started = System.nanoTime();
        CollationSummary summary = collation.collate(PrintRun.at(Instant.parse("2019-03-19T17:50:00Z")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(System.getProperty("bench.jfr")));
        }
        Duration cpu = Duration.ofNanos(os.getProcessCpuTime() - cpuStarted);
        long gcs = gcCount() - gcsStarted;
        long usedAtEnd = usedHeap();
        double load = os.getSystemLoadAverage();
        stopListening.forEach(Runnable::run);
        System.gc();
        long after = usedHeap();

        long zipBytes = summary.zipsSent().stream().mapToLong(CollationSummary.ZipSent::bytes).sum();
        String report = """
                Letter collation benchmark (%d PDFs of %d KiB, %d MiB of PDFs; %d processors, max heap %d MiB)
                  zips sent:           %d (%d MiB), failed: %d
                  elapsed:             %.2f s (%.0f MiB/s); CPU time of the whole JVM (S3Proxy and SFTP server included): %.2f s
                  machine load average at the end: %.1f
                  heap live before:    %d MiB
                  heap growth (peak live after any of the %d GCs during the run): %d MiB
                  heap used at the end, before a GC (garbage included): %d MiB more than before
                  heap retained after the run: %d MiB
                """.formatted(PDFS, PDF_BYTES / 1024, pdfBytes / MB, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB, summary.zipsSent().size(), zipBytes / MB,
                summary.zipsFailed().size(), elapsed.toMillis() / 1000.0, zipBytes / (double) MB / (elapsed.toMillis() / 1000.0),
                cpu.toMillis() / 1000.0, load, before / MB, gcs, Math.max(0, maxLiveAfterGc.get() - before) / MB,
                (usedAtEnd - before) / MB, (after - before) / MB);
        System.out.println(report);
        Files.writeString(Path.of("target", "letter-collation-benchmark.txt"), report);

        assertThat(summary.zipsFailed()).isEmpty();
        assertThat(summary.lettersSent()).isGreaterThanOrEqualTo(PDFS);
        assertThat(zipBytes).isGreaterThan(pdfBytes);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s AND notification_status = 'sending'")
                .param("s", service.id()).query(Long.class).single()).isEqualTo(PDFS);
        cleanUp();
    }

    /** Created letters of one service with their PDFs (random bytes: as incompressible as real PDFs). */
    private void letters(TestService service, String referencePrefix, LocalDateTime from, int count) {
        byte[] pdf = new byte[PDF_BYTES];
        new Random(42).nextBytes(pdf);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String reference = referencePrefix + "%011d".formatted(i);
            LocalDateTime createdAt = from.plusSeconds(i);
            notifications.insert(new NotificationRow(id, "A. Person\n1 Street\nSW1A 1AA", null, null, null, service.id(),
                    service.letterTemplate(), 1, null, KeyType.NORMAL, 1, NotificationType.LETTER, createdAt, null, null, null,
                    NotificationStatus.CREATED, reference, null, null, null, "second", null, false, null, null, null));
            String key = LetterPdfNames.fileName(LetterPdfNames.folder(createdAt), reference, "second", createdAt);
            pdf[0] = (byte) i;
            storage.put(bucket, key, pdf, "application/pdf", Map.of());
        }
    }

    /** With -Dbench.jfr=file, a Flight Recorder profile of the measured run alone. */
    private static Recording profileIfAsked() throws Exception {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long usedHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** Records the heap in use after each collection: what was live then, garbage excluded. */
    private static List<Runnable> listenToGcs(AtomicLong maxLiveAfterGc) throws Exception {
        List<Runnable> stops = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            NotificationListener listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long live = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum()
                            - nonHeap(info.getGcInfo().getMemoryUsageAfterGc());
                    maxLiveAfterGc.accumulateAndGet(live, Math::max);
                }
            };
            emitter.addNotificationListener(listener, null, null);
            stops.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (Exception ignored) {
                    // Already gone.
                }
            });
        }
        return stops;
    }

    /** The non-heap pools a GC notification also reports (metaspace, code cache), left out of the heap figure. */
    private static long nonHeap(Map<String, MemoryUsage> pools) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP)
                .map(pool -> pools.get(pool.getName()))
                .filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
    }

    /** Half a gigabyte twice over (S3 and FTP) is not left in the suite's temporary folder. */
    private static void cleanUp() throws IOException {
        Path ftp = DATA_DIR.resolve("dvla-sftp").resolve("notify");
        try (Stream<Path> zips = Files.list(ftp)) {
            for (Path zip : zips.filter(path -> path.getFileName().toString().startsWith("NOTIFY.2019-03-1")).toList()) {
                Files.delete(zip);
            }
        }
        try (Stream<Path> objects = Files.walk(DATA_DIR.resolve("s3"))) {
            for (Path object : objects.filter(path -> path.getFileName().toString().startsWith("NOTIFY.BENCH")
                    || path.getFileName().toString().startsWith("NOTIFY.WARMU")).toList()) {
                Files.delete(object);
            }
        }
    }
}
