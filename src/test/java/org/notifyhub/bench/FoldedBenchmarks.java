package org.notifyhub.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/**
 * P4, P8 and P10: the job, collation and DVLA response-file benchmarks. By default their latest result files are read
 * (each row says when that file was written); with {@code -Dbench.fold-in=run} they run first, in this JVM and Spring
 * context, as JUnit would run them (they take minutes, so they are not part of the default ten-minute run).
 */
final class FoldedBenchmarks {

    static final Path JOB_FILE = Path.of("target", "benchmarks", "job-processing.txt");
    static final Path COLLATION_FILE = Path.of("target", "letter-collation-benchmark.txt");
    static final Path DVLA_FILE = Path.of("target", "benchmarks", "dvla-response-file.txt");

    private static final List<String> CLASSES = List.of("org.notifyhub.letters.responses.DvlaResponseFileBenchmark",
            "org.notifyhub.letters.collation.bench.LetterCollationBenchmark",
            // last: it stops deliver-sms and leaves it stopped
            "org.notifyhub.bench.JobProcessingBenchmark");

    private FoldedBenchmarks() {
    }

    /** Runs each benchmark's @BeforeEach and @Test methods on an instance autowired from this context. */
    static void run(ApplicationContext context, BenchReport report) throws Exception {
        for (String name : CLASSES) {
            try {
                runOne(context, name);
            } catch (InvocationTargetException e) {
                // The others still run; the row of this one reads its last result file, and the note says why.
                report.note(name.substring(name.lastIndexOf('.') + 1) + " failed in this run: " + e.getCause());
            }
        }
    }

    private static void runOne(ApplicationContext context, String name) throws Exception {
        Class<?> type = Class.forName(name);
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object test = constructor.newInstance();
        context.getAutowireCapableBeanFactory().autowireBean(test);
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(BeforeEach.class)) {
                    method.setAccessible(true);
                    method.invoke(test);
                }
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                method.setAccessible(true);
                method.invoke(test);
            }
        }
    }

    static void addRows(BenchReport report, Instant runStarted) throws IOException {
        Matcher job = find(JOB_FILE, "([\\d,]+)-row SMS job: pending to [\\d,]+ persisted and [\\d,]+ sends queued in "
                + "([\\d.]+) s \\(([\\d,]+) rows/s\\)", true);
        if (job != null) {
            report.add(BenchReport.Row.info("P4", "CSV job: " + job.group(1) + " rows pending → persisted and queued",
                    number(job.group(3)), "rows/s", job.group(2) + " s; " + age(JOB_FILE, runStarted)));
        } else {
            missing(report, "P4", "CSV job rows/s", JOB_FILE, "JobProcessingBenchmark");
        }
        Matcher collation = find(COLLATION_FILE, "elapsed:\\s+([\\d.]+) s \\((\\d+) MiB/s\\)", false);
        if (collation != null) {
            report.add(new BenchReport.Row("P8", "letter collation: about 500 MiB of PDFs zipped and sent over SFTP",
                    Double.parseDouble(collation.group(1)), "s", 10.0, false, collation.group(2) + " MiB/s; "
                    + age(COLLATION_FILE, runStarted)));
        } else {
            missing(report, "P8", "letter collation time", COLLATION_FILE, "LetterCollationBenchmark");
        }
        Matcher dvla = find(DVLA_FILE, "applied through DvlaResponseFiles: ([\\d,]+) ms", false);
        if (dvla != null) {
            report.add(new BenchReport.Row("P10", "DVLA response file: 65,000 lines applied",
                    number(dvla.group(1)) / 1000.0, "s", 10.0, false, age(DVLA_FILE, runStarted)));
        } else {
            missing(report, "P10", "DVLA response file apply time", DVLA_FILE, "DvlaResponseFileBenchmark");
        }
    }

    private static void missing(BenchReport report, String id, String measure, Path file, String benchmark) {
        report.add(BenchReport.Row.info(id, measure, Double.NaN, "", "no " + file + ": run " + benchmark
                + " or -Dbench.fold-in=run"));
    }

    /** The first (or, with {@code last}, the last) match in the file, or null when there is no file or no match. */
    private static Matcher find(Path file, String regex, boolean last) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
        Matcher found = null;
        while (matcher.find()) {
            found = Pattern.compile(regex).matcher(matcher.group());
            found.matches();
            if (!last) {
                break;
            }
        }
        return found;
    }

    private static String age(Path file, Instant runStarted) throws IOException {
        Instant written = Files.getLastModifiedTime(file).toInstant();
        return "file written " + written.truncatedTo(ChronoUnit.SECONDS)
                + (written.isBefore(runStarted) ? ", before this run" : ", in this run");
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }
}
