package org.notifyhub.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.notifyhub.common.NotifyTime;

/** Notify's midnight_n_days_ago: the start of the London day some days back, as the naive UTC the database keeps. */
public final class LondonMidnight {

    private LondonMidnight() {
    }

    public static LocalDateTime daysAgo(LocalDateTime utcNow, int days) {
        return utcNow.atOffset(ZoneOffset.UTC).atZoneSameInstant(NotifyTime.LONDON).toLocalDate().minusDays(days)
                .atStartOfDay(NotifyTime.LONDON).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
