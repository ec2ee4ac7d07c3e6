package org.notifyhub.letters.checks;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The watchdog queries over letters (live keys only: team and test letters are never printed). */
@Repository
public class LetterChecksRepository {

    /** How many letters match, and the first few of their references or ids, oldest first. */
    public record Found(int count, List<String> listed) {
    }

    private final JdbcClient jdbc;

    public LetterChecksRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Letters handed to DVLA before the cut-off that still have no response. */
    public Found stillSending(LocalDateTime sentBefore, int maxListed) {
        return find("notification_status = 'sending' AND sent_at < :before", "reference", sentBefore, maxListed);
    }

    /** Letters created before the cut-off that were never sent to print. */
    public Found stillCreated(LocalDateTime createdBefore, int maxListed) {
        return find("notification_status = 'created' AND created_at < :before", "reference", createdBefore, maxListed);
    }

    /** Precompiled letters whose virus scan never came back. */
    public Found stillPendingVirusCheck(LocalDateTime createdBefore, int maxListed) {
        return find("notification_status = 'pending-virus-check' AND created_at < :before", "id::text", createdBefore,
                maxListed);
    }

    private Found find(String condition, String listedColumn, LocalDateTime before, int maxListed) {
        String where = " FROM notifications WHERE notification_type = 'letter' AND key_type = 'normal' AND " + condition;
        int count = jdbc.sql("SELECT count(*)" + where).param("before", before).query(Integer.class).single();
        List<String> listed = count == 0 ? List.of()
                : jdbc.sql("SELECT " + listedColumn + where + " ORDER BY created_at LIMIT :limit")
                        .param("before", before).param("limit", maxListed).query(String.class).list();
        return new Found(count, listed);
    }
}
