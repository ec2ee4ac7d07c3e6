package org.notifyhub.receipts.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.notifyhub.notifications.NotificationStatus;

/**
 * Provider delivery receipts → Notify statuses, as written in {@code mappings/firetext.yaml},
 * {@code mappings/mmg.yaml} and {@code mappings/ses.yaml}. Loading validates every file and throws
 * {@link IllegalStateException} naming the file and entry on any problem, so a bean built from
 * {@link #loadDefault()} stops the application from starting with a bad mapping. Immutable and thread-safe.
 */
public final class ReceiptStatusMappings {

    static final String FIRETEXT_FILE = "mappings/firetext.yaml";
    static final String MMG_FILE = "mappings/mmg.yaml";
    static final String SES_FILE = "mappings/ses.yaml";

    private final FiretextMapping firetext;
    private final MmgMapping mmg;
    private final SesMapping ses;

    private ReceiptStatusMappings(FiretextMapping firetext, MmgMapping mmg, SesMapping ses) {
        this.firetext = firetext;
        this.mmg = mmg;
        this.ses = ses;
    }

    /** Loads and validates the three files from the classpath folder {@code mappings/}. */
    public static ReceiptStatusMappings loadDefault() {
        try (InputStream firetextYaml = classpath(FIRETEXT_FILE);
                InputStream mmgYaml = classpath(MMG_FILE);
                InputStream sesYaml = classpath(SES_FILE)) {
            return load(firetextYaml, mmgYaml, sesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and validates the three files from the given streams, which stand in for the files of the
     * same names in error messages. The caller closes the streams.
     */
    public static ReceiptStatusMappings load(InputStream firetextYaml, InputStream mmgYaml, InputStream sesYaml) {
        return new ReceiptStatusMappings(
                FiretextMapping.read(MappingEntry.readDocument(FIRETEXT_FILE, firetextYaml)),
                MmgMapping.read(MappingEntry.readDocument(MMG_FILE, mmgYaml)),
                SesMapping.read(MappingEntry.readDocument(SES_FILE, sesYaml)));
    }

    /**
     * Maps a Firetext receipt. When {@code status} means permanent-failure, a known detailed {@code code}
     * decides the outcome; without one, a notification that is currently {@code pending} gets
     * temporary-failure (pending then declined).
     *
     * @param current the notification's status now; null is treated as "not pending"
     * @throws UnknownReceiptStatusException for a status not in the file
     */
    public ReceiptOutcome.StatusUpdate firetext(String status, String detailedCodeOrNull, NotificationStatus current) {
        return firetext.map(status, emptyToNull(detailedCodeOrNull), current);
    }

    /**
     * Maps an MMG receipt: the status decides; a known substatus only gives a more precise reason.
     *
     * @throws UnknownReceiptStatusException for a status not in the file
     */
    public ReceiptOutcome.StatusUpdate mmg(String status, String substatusOrNull) {
        return mmg.map(status, emptyToNull(substatusOrNull));
    }

    /**
     * Maps an SES event. A {@link ReceiptOutcome.Complaint} from this overload has no complaint type;
     * use {@link #ses(SesReceipt)} to carry it.
     *
     * @throws UnknownReceiptStatusException for a notificationType not in the file
     */
    public ReceiptOutcome ses(String notificationType, String bounceTypeOrNull) {
        return ses.map(notificationType, emptyToNull(bounceTypeOrNull), null);
    }

    /** Maps a parsed SES event, carrying the complaint type into a {@link ReceiptOutcome.Complaint}. */
    public ReceiptOutcome ses(SesReceipt receipt) {
        return ses.map(receipt.notificationType(), emptyToNull(receipt.bounceType()), receipt.complaintType());
    }

    /**
     * Whether a receipt from {@code provider} may change a notification whose status is {@code current};
     * if not, the receipt is a duplicate to log and ignore.
     *
     * @param provider {@code firetext}, {@code mmg} or {@code ses} (case-insensitive)
     * @throws IllegalArgumentException for any other provider
     */
    public boolean mayUpdate(String provider, NotificationStatus current) {
        return current != null && mayUpdateFrom(provider).contains(current);
    }

    private Set<NotificationStatus> mayUpdateFrom(String provider) {
        return switch (provider == null ? "" : provider.toLowerCase(Locale.ROOT)) {
            case "firetext" -> firetext.mayUpdateFrom();
            case "mmg" -> mmg.mayUpdateFrom();
            case "ses" -> ses.mayUpdateFrom();
            default -> throw new IllegalArgumentException("Unknown receipt provider: " + provider);
        };
    }

    private static InputStream classpath(String file) {
        InputStream in = ReceiptStatusMappings.class.getClassLoader().getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException(file + ": not found on the classpath");
        }
        return in;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
