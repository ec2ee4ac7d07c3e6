package org.notifyhub.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.notifyhub.drills.DrillLetters.Letter;
import org.notifyhub.letters.collation.PrintRun;
import org.notifyhub.support.TestServices.TestService;

/**
 * Drills R7-R8: letters on their way to DVLA and back. R7 cuts zip uploads part-way and leaves a file under a zip's
 * name on DVLA's FTP server; R7b loses an upload's reply and refuses the delete after it; R8 drops malformed response
 * files where the hub picks them up. Each is checked from the database, the zips on the server and the alerts raised.
 */
class LetterDrills {

    private static final Duration PDFS = Duration.ofMinutes(3);
    /** What the collation alert says of a failed zip the hub could not take back from DVLA's server. */
    private static final String LEFT_ON_SERVER = "may still be on DVLA's server";

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void r7UploadsCutMidTransferAndAZipNameAlreadyPresent() throws Exception {
        int letterCount = 36;
        // Run 1 uploads four zips of 10, 10, 10, 6 (uploads 1-4) and loses 1 and 2; run 2 sends those two again
        // (uploads 5-6), over stale files of the same names, and loses 5; run 3 sends the last (upload 7).
        Set<Integer> cutUploads = Set.of(1, 2, 5);
        try (DrillBed bed = new DrillBed("r7");
             FaultyDvlaFtp ftp = new FaultyDvlaFtp(bed.dataDir(), FaultyDvlaFtp.Faults.cuts(cutUploads, 4_000));
             AlertReceiver alerts = new AlertReceiver()) {
            Map<String, Object> overrides = new HashMap<>(ftp.properties());
            overrides.put("notify.letters.collation.max-files-per-zip", 10);
            overrides.put("notify.alerts.webhook-url", alerts.url());
            bed.startNode(overrides);
            TestService service = bed.service();
            try (DrillLetters letters = new DrillLetters(bed)) {
                List<UUID> ids = letters.send(service, letterCount);
                List<Letter> made = letters.awaitPdfs(ids, PDFS);
                assertThat(made).as("letters created with their PDFs").hasSize(letterCount)
                        .allMatch(letter -> letter.status().equals("created") && letter.billableUnits() > 0);
                letters.intoPrintRun(made, PrintRun.at(Instant.now()));
                Path zipFolder = ftp.home().resolve("notify");

                List<String> problems = new ArrayList<>();
                List<String> runs = new ArrayList<>();
                JsonNode first = letters.collate();
                runs.add(summary(first));
                problems.addAll(violations(letters, made, zipFolder, "after run 1"));
                // Zip name already present: stale files where run 2 will put the zips run 1 lost.
                for (String name : names(first.path("zips_failed"))) {
                    Files.writeString(zipFolder.resolve(name), "a stale file of an earlier, broken transfer");
                }
                JsonNode second = letters.collate();
                runs.add(summary(second));
                problems.addAll(violations(letters, made, zipFolder, "after run 2"));
                JsonNode third = letters.collate();
                runs.add(summary(third));
                problems.addAll(violations(letters, made, zipFolder, "after run 3"));

                ZipsOnServer zips = ZipsOnServer.read(zipFolder);
                List<Letter> last = letters.letters(ids);
                long sending = last.stream().filter(letter -> letter.status().equals("sending")).count();
                long inNoZip = last.stream().filter(letter -> zips.zipsOf(letter.reference()) == 0).count();
                long inTwoZips = last.stream().filter(letter -> zips.zipsOf(letter.reference()) > 1).count();
                boolean failuresAlerted = !alerts.mentioning("zip(s) not sent to DVLA").isEmpty();
                boolean passed = problems.isEmpty() && ftp.cut().size() == cutUploads.size() && sending == letterCount
                        && inNoZip == 0 && inTwoZips == 0 && zips.unreadable().isEmpty() && failuresAlerted
                        && first.path("zips_failed").size() == 2 && second.path("zips_failed").size() == 1;
                DrillReport.row("R7", "DVLA FTP: uploads 1, 2 and 5 cut after 4,000 bytes (426, partial file left); stale files under 2 zip names",
                        letterCount, made.size(), sending, inNoZip, inTwoZips + " in two zips / " + zips.unreadable().size()
                                + " partial files left",
                        ftp.uploads() + " uploads, " + ftp.cut().size() + " cut; runs " + String.join(", ", runs)
                                + "; " + zips.zips() + " zips on the server; failures alerted " + failuresAlerted, passed);

                assertThat(ftp.cut()).as("uploads cut").hasSize(cutUploads.size());
                assertThat(problems).as("letters whose status and zips disagree").isEmpty();
                assertThat(first.path("zips_failed").size()).as("zips lost in run 1").isEqualTo(2);
                assertThat(second.path("zips_failed").size()).as("zips lost in run 2").isEqualTo(1);
                assertThat(sending).as("letters sending in the end").isEqualTo(letterCount);
                assertThat(inNoZip).as("letters in no zip").isZero();
                assertThat(inTwoZips).as("letters in two zips").isZero();
                assertThat(zips.unreadable()).as("files on the server that are no zip").isEmpty();
                assertThat(failuresAlerted).as("an alert for the zips not sent").isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void r7bAZipLeftOnTheServerAfterALostReplyIsNamedForTheOperator() throws Exception {
        // Upload 1 arrives whole but its reply is lost, and the delete that should take it back is refused: a zip the
        // hub counts as not sent stays on DVLA's server. Before the re-run another service's letter arrives, so the
        // same letters go out under another zip number: they would be printed twice unless the copy left is removed.
        try (DrillBed bed = new DrillBed("r7b");
             FaultyDvlaFtp ftp = new FaultyDvlaFtp(bed.dataDir(), new FaultyDvlaFtp.Faults(Set.of(), 0, Set.of(1), 1));
             AlertReceiver alerts = new AlertReceiver()) {
            Map<String, Object> overrides = new HashMap<>(ftp.properties());
            overrides.put("notify.alerts.webhook-url", alerts.url());
            bed.startNode(overrides);
            List<TestService> services = new ArrayList<>(List.of(bed.service(), bed.service()));
            services.sort(Comparator.comparing(service -> service.id().toString()));
            try (DrillLetters letters = new DrillLetters(bed)) {
                PrintRun run = PrintRun.at(Instant.now());
                List<Letter> made = new ArrayList<>(letters.awaitPdfs(letters.send(services.get(1), 10), PDFS));
                letters.intoPrintRun(made, run);
                JsonNode first = letters.collate();
                List<String> failed = names(first.path("zips_failed"));
                List<Letter> early = letters.awaitPdfs(letters.send(services.get(0), 1), PDFS);
                letters.intoPrintRun(early, run);
                made.addAll(early);
                // The operator's part: remove by hand what the alert says may still be on DVLA's server.
                Path zipFolder = ftp.home().resolve("notify");
                List<String> named = failed.stream().filter(name -> alerts.mentioning(name).stream()
                        .anyMatch(alert -> alert.contains(LEFT_ON_SERVER))).toList();
                for (String name : named) {
                    Files.deleteIfExists(zipFolder.resolve(name));
                }
                JsonNode second = letters.collate();
                List<String> problems = violations(letters, made, zipFolder, "after run 2");

                ZipsOnServer zips = ZipsOnServer.read(zipFolder);
                List<Letter> last = letters.letters(made.stream().map(Letter::id).toList());
                long sending = last.stream().filter(letter -> letter.status().equals("sending")).count();
                long inNoZip = last.stream().filter(letter -> zips.zipsOf(letter.reference()) == 0).count();
                long inTwoZips = last.stream().filter(letter -> zips.zipsOf(letter.reference()) > 1).count();
                boolean passed = problems.isEmpty() && failed.size() == 1 && named.equals(failed)
                        && ftp.refusedDeletes().size() == 1 && sending == made.size();
                DrillReport.row("R7b", "DVLA FTP: upload 1 stored whole but its reply lost (426), its DELE refused;"
                                + " another service's letter arrives before the re-run", made.size(), made.size(), sending,
                        inNoZip, inTwoZips + " in two zips / " + zips.unreadable().size() + " partial files left",
                        "runs " + summary(first) + ", " + summary(second) + "; zip left on the server named in the alert: "
                                + !named.isEmpty() + " (removed by the drill as an operator would)", passed);

                assertThat(failed).as("zips not sent in run 1").hasSize(1);
                assertThat(ftp.refusedDeletes()).as("deletes refused").hasSize(1);
                assertThat(named).as("zips the alert says may be left on DVLA's server").isEqualTo(failed);
                assertThat(problems).as("letters whose status and zips disagree").isEmpty();
                assertThat(sending).as("letters sending in the end").isEqualTo(made.size());
            }
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void r8MalformedResponseFilesAreRejectedWholeAndAlerted() throws Exception {
        int letterCount = 12;
        try (DrillBed bed = new DrillBed("r8");
             FaultyDvlaFtp ftp = new FaultyDvlaFtp(bed.dataDir(), FaultyDvlaFtp.Faults.none());
             AlertReceiver alerts = new AlertReceiver()) {
            Map<String, Object> overrides = new HashMap<>(ftp.properties());
            overrides.put("notify.alerts.webhook-url", alerts.url());
            overrides.put("notify.dvla.ftp.response-poll-delay-ms", 1000);
            overrides.put("notify.dvla.ftp.read-lock-check-interval-ms", 500);
            overrides.put("notify.schedules.poll-dvla-response-bucket", "0/3 * * * * ?");
            bed.startNode(overrides);
            TestService service = bed.service();
            try (DrillLetters letters = new DrillLetters(bed)) {
                List<UUID> ids = letters.send(service, letterCount);
                List<Letter> made = letters.awaitPdfs(ids, PDFS);
                assertThat(made).as("letters created with their PDFs").hasSize(letterCount);
                letters.markSending(ids);
                List<String> references = made.stream().map(Letter::reference).toList();
                ResponseFiles names = new ResponseFiles();
                ResponseDrops drops = new ResponseDrops(ftp.home().resolve("response"), letters);
                Map<UUID, String> before = letters.statusesAndUpdates(ids);

                List<String> rejected = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                Map<String, String> kindOf = new HashMap<>();
                for (Map.Entry<String, byte[]> file : ResponseFiles.malformed(references).entrySet()) {
                    for (ResponseDrops.Source source : ResponseDrops.Source.values()) {
                        String name = names.nextName();
                        drops.drop(source, name, file.getValue());
                        kindOf.put(name, file.getKey() + " via " + source);
                    }
                }
                for (String name : kindOf.keySet()) {
                    if (drops.awaitMoved(name, Duration.ofMinutes(2)) == ResponseDrops.Outcome.FAILED) {
                        rejected.add(name);
                    } else {
                        problems.add(kindOf.get(name) + " (" + name + ") was not rejected");
                    }
                }
                long unalerted = kindOf.keySet().stream().filter(name -> alerts.mentioning(name).isEmpty()).count();
                kindOf.keySet().stream().filter(name -> alerts.mentioning(name).isEmpty())
                        .forEach(name -> problems.add(kindOf.get(name) + " (" + name + ") raised no alert"));
                Map<UUID, String> after = letters.statusesAndUpdates(ids);
                long changed = ids.stream().filter(id -> !before.get(id).equals(after.get(id))).count();
                long marked = bed.db().sql("SELECT count(*) FROM dvla_response_files WHERE file_name IN (:names)")
                        .param("names", kindOf.keySet()).query(Long.class).single();
                long sortedCounts = bed.db().sql("SELECT count(*) FROM daily_sorted_letter WHERE file_name IN (:names)")
                        .param("names", kindOf.keySet()).query(Long.class).single();

                // The drill can fail: well-formed files are applied, whichever way they came. An unknown reference
                // among good lines is Notify's "not found" case (logged, skipped), not a malformed file.
                String viaFtp = names.nextName();
                String viaBucket = names.nextName();
                drops.drop(ResponseDrops.Source.FTP, viaFtp, (ResponseFiles.lines(references.subList(0, 6))
                        + "ZZZZUNKNOWN00001|Sent|1|Sorted\n").getBytes(StandardCharsets.UTF_8));
                drops.drop(ResponseDrops.Source.BUCKET, viaBucket, ResponseFiles.lines(references.subList(6, letterCount))
                        .getBytes(StandardCharsets.UTF_8));
                boolean goodApplied = drops.awaitMoved(viaFtp, Duration.ofMinutes(2)) == ResponseDrops.Outcome.PROCESSED
                        & drops.awaitMoved(viaBucket, Duration.ofMinutes(2)) == ResponseDrops.Outcome.PROCESSED;
                long delivered = letters.letters(ids).stream().filter(letter -> letter.status().equals("delivered")).count();

                boolean passed = problems.isEmpty() && changed == 0 && marked == 0 && sortedCounts == 0 && goodApplied
                        && delivered == letterCount;
                DrillReport.row("R8", "malformed DVLA response files (" + String.join(", ", ResponseFiles.malformed(references).keySet())
                                + "), each via FTP and the response bucket; then 2 good files, one with an unknown reference",
                        kindOf.size() + 2, letterCount, delivered, changed, marked + " malformed files marked processed / "
                                + sortedCounts + " sorted counts",
                        rejected.size() + " of " + kindOf.size() + " rejected whole, " + (kindOf.size() - unalerted)
                                + " alerted; good files applied " + goodApplied + ", " + delivered + " letters delivered",
                        passed);

                assertThat(problems).isEmpty();
                assertThat(changed).as("letters changed by malformed files").isZero();
                assertThat(marked).as("malformed files marked processed").isZero();
                assertThat(sortedCounts).as("sorted counts from malformed files").isZero();
                assertThat(goodApplied).as("the good files processed").isTrue();
                assertThat(delivered).as("letters delivered by the good files").isEqualTo(letterCount);
            }
        }
    }

    /**
     * Where a letter's status and the zips on the server disagree: a sending letter must be in exactly one zip, a
     * created one in none, and every file on the server must open as a zip.
     */
    private static List<String> violations(DrillLetters letters, List<Letter> made, Path zipFolder, String when)
            throws Exception {
        ZipsOnServer zips = ZipsOnServer.read(zipFolder);
        List<String> problems = new ArrayList<>();
        for (Letter letter : letters.letters(made.stream().map(Letter::id).toList())) {
            int in = zips.zipsOf(letter.reference());
            boolean consistent = switch (letter.status()) {
                case "sending" -> in == 1;
                case "created" -> in == 0;
                default -> false;
            };
            if (!consistent) {
                problems.add(when + ": " + letter.reference() + " is " + letter.status() + " and in " + in + " zip(s)");
            }
        }
        zips.unreadable().forEach(file -> problems.add(when + ": " + file + " on the server is no zip"));
        return problems;
    }

    private static String summary(JsonNode run) {
        return run.path("zips_sent").size() + " sent/" + run.path("zips_failed").size() + " failed/"
                + run.path("zips_already_sent").size() + " sent before";
    }

    private static List<String> names(JsonNode zips) {
        return StreamSupport.stream(zips.spliterator(), false).map(zip -> zip.path("name").asText()).toList();
    }
}
