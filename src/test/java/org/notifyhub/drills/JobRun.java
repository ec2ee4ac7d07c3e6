package org.notifyhub.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a CSV job left in the database, read by the job's id: its notifications, the distinct row numbers among them
 * and their range, its status, the rows not yet final and their statuses and, with the stub's counts, the rows the
 * provider took and took more than once. A drill's verdict on a job comes from here, never from what the hub says
 * about itself.
 */
record JobRun(long rows, long distinctRows, long firstRow, long lastRow, String status, long notFinal,
              long sent, long sentTwice, Map<String, Long> statuses) {

    static JobRun of(JdbcClient db, UUID jobId, StubProviders providers) {
        Map<String, Integer> accepted = providers.acceptedCounts();
        long[] sends = new long[2];
        db.sql("SELECT id FROM notifications WHERE job_id = :job").param("job", jobId)
                .query((rs, n) -> rs.getObject(1, UUID.class).toString()).list()
                .forEach(id -> {
                    int times = accepted.getOrDefault(id, 0);
                    sends[0] += times > 0 ? 1 : 0;
                    sends[1] += times > 1 ? 1 : 0;
                });
        Map<String, Long> statuses = new TreeMap<>();
        db.sql("SELECT notification_status, count(*) FROM notifications WHERE job_id = :job GROUP BY notification_status")
                .param("job", jobId).query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2))).list();
        return db.sql("""
                        SELECT count(*), count(DISTINCT job_row_number), coalesce(min(job_row_number), -1),
                               coalesce(max(job_row_number), -1),
                               count(*) FILTER (WHERE notification_status NOT IN (:final)),
                               (SELECT job_status FROM jobs WHERE id = :job)
                          FROM notifications WHERE job_id = :job""")
                .param("job", jobId).param("final", DrillOutcome.FINAL)
                .query((rs, n) -> new JobRun(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(6),
                        rs.getLong(5), sends[0], sends[1], statuses))
                .single();
    }

    /** How many notifications the job has so far. */
    static long saved(JdbcClient db, UUID jobId) {
        return db.sql("SELECT count(*) FROM notifications WHERE job_id = :job").param("job", jobId)
                .query(Long.class).single();
    }

    /** Waits (bounded) until the job has at least this many notifications; returns how many it had then. */
    static long awaitSaved(JdbcClient db, UUID jobId, long atLeast, Duration atMost) throws InterruptedException {
        long saved = poll(() -> saved(db, jobId), count -> count >= atLeast, atMost, 200);
        if (saved < atLeast) {
            throw new IllegalStateException("job " + jobId + " has " + saved + " rows, not " + atLeast + ", after " + atMost);
        }
        return saved;
    }

    /** Waits (bounded) until the job is finished with every one of its rows, and reads it then. */
    static JobRun awaitComplete(JdbcClient db, UUID jobId, long rows, StubProviders providers, Duration atMost)
            throws InterruptedException {
        poll(() -> saved(db, jobId) >= rows && "finished".equals(status(db, jobId)), done -> done, atMost, 1_000);
        return of(db, jobId, providers);
    }

    /** Waits (bounded) until every notification of the job is final, and reads it then. */
    static JobRun awaitFinal(JdbcClient db, UUID jobId, StubProviders providers, Duration atMost) throws InterruptedException {
        return poll(() -> of(db, jobId, providers), run -> run.notFinal() == 0, atMost, 5_000);
    }

    /** Reads until the reading is done or the time is up; returns the last reading. */
    private static <T> T poll(Supplier<T> read, Predicate<T> done, Duration atMost, long everyMillis)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        T reading = read.get();
        while (!done.test(reading) && Instant.now().isBefore(deadline)) {
            Thread.sleep(everyMillis);
            reading = read.get();
        }
        return reading;
    }

    private static String status(JdbcClient db, UUID jobId) {
        return db.sql("SELECT job_status FROM jobs WHERE id = :job").param("job", jobId).query(String.class).single();
    }
}
