package org.notifyhub.letters;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.notifyhub.common.NotifyTime;

/** Letter PDF object names (§6.2): {folder}NOTIFY.{REFERENCE}.D.{class}.C.{created UTC}.PDF, upper-cased. */
public final class LetterPdfNames {

    /** Letters created after this London time are printed with the next day's run. */
    public static final LocalTime PROCESSING_DEADLINE = LocalTime.of(17, 30);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private LetterPdfNames() {
    }

    /** The print-date folder, e.g. {@code 2018-01-13/}: the London date, moved on a day after 17:30. */
    public static String folder(LocalDateTime createdAtUtc) {
        ZonedDateTime london = createdAtUtc.atZone(ZoneOffset.UTC).withZoneSameInstant(NotifyTime.LONDON);
        boolean afterDeadline = london.toLocalTime().isAfter(PROCESSING_DEADLINE);
        return (afterDeadline ? london.toLocalDate().plusDays(1) : london.toLocalDate()) + "/";
    }

    /** The stable part of the name that finds the PDF whatever its postage and timestamp suffix. */
    public static String prefix(String folder, String reference) {
        return (folder + "NOTIFY." + reference).toUpperCase(Locale.ROOT);
    }

    public static String fileName(String folder, String reference, String postage, LocalDateTime createdAtUtc) {
        return (prefix(folder, reference) + ".D." + postageClass(postage) + ".C." + TIMESTAMP.format(createdAtUtc) + ".PDF")
                .toUpperCase(Locale.ROOT);
    }

    /** The class letter of §6.2 file names, also used in the names of the zips sent to DVLA (§6.3). */
    public static String postageClass(String postage) {
        return switch (postage) {
            case "first" -> "1";
            case "second" -> "2";
            case "europe" -> "E";
            case "rest-of-world" -> "N";
            case "economy" -> "ECONOMY";
            default -> throw new IllegalArgumentException("Unknown postage " + postage);
        };
    }
}
