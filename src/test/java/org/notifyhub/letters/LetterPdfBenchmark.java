package org.notifyhub.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.notifyhub.templates.LetterMarkdown;

/**
 * How many letters a worker thread lays out, validates and scans per second, in-process with no S3 or queue:
 * {@code mvn -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.notifyhub.letters.LetterPdfBenchmark}
 * (optional argument: letters per case, default 300).
 */
public final class LetterPdfBenchmark {

    private static final List<String> ADDRESS = List.of("Ms A Jones", "1 High Street", "Leeds", "LS1 1AA");

    private LetterPdfBenchmark() {
    }

    public static void main(String[] args) {
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String shortBody = "Dear Ms Jones,\n\n# Your appointment\n\nIt is on 1 May at 10am.\n\n* bring a photo\n* bring this letter";
        String paragraph = "This paragraph stands in for the text of a real letter from a public service. ".repeat(8);
        String longBody = (paragraph + "\n\n").repeat(25);
        byte[] precompiled = TestPdfs.letter(4, ADDRESS);
        LocalVirusScanner scanner = new LocalVirusScanner();

        System.out.printf("letters per case: %d%n", letters);
        run("templated, 1 page", letters, () -> TemplatedLetterPdf.render(content(shortBody)).pageCount());
        run("templated, about 5 pages", letters, () -> TemplatedLetterPdf.render(content(longBody)).pageCount());
        run("precompiled validation, 4 pages", letters,
                () -> PrecompiledLetterValidator.validate(precompiled, false).pageCount());
        run("local virus scan, 4-page PDF", letters * 10, () -> scanner.scan(precompiled).infected() ? 1 : 0);
    }

    private static TemplatedLetterPdf.Content content(String body) {
        return new TemplatedLetterPdf.Content(ADDRESS, "Passport Office\nPO Box 1", LocalDate.of(2026, 11, 22),
                "Your appointment", LetterMarkdown.blocks(body));
    }

    private static void run(String name, int count, Supplier<Integer> work) {
        for (int i = 0; i < Math.min(count, 50); i++) {
            work.get();
        }
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sink += work.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %8.1f per second  %7.2f ms each  (checksum %d)%n", name,
                count / seconds, seconds * 1000 / count, sink);
    }
}
