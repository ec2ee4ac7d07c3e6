package org.notifyhub.receipts.mapping;

import java.util.Map;
import java.util.Set;
import org.notifyhub.notifications.NotificationStatus;

/** mappings/firetext.yaml: the {@code status} table plus the detailed {@code code} table. */
record FiretextMapping(Set<NotificationStatus> mayUpdateFrom, NotificationStatus unknownStatusFallback,
        Map<String, MappingRow> statuses, Map<String, MappingRow> detailedCodes) {

    static final String CLIENT = "Firetext";

    static FiretextMapping read(MappingEntry root) {
        root.allowOnly("may-update-from", "unknown-status-fallback", "statuses", "detailed-codes");
        return new FiretextMapping(
                root.requiredStatusList("may-update-from"),
                root.requiredStatus("unknown-status-fallback"),
                MappingEntry.byCode(root.requiredEntries("statuses"), FiretextMapping::row),
                MappingEntry.byCode(root.requiredEntries("detailed-codes"), FiretextMapping::row));
    }

    private static MappingRow row(MappingEntry entry) {
        return MappingRow.read(entry.allowOnly("code", "status", "reason"));
    }

    ReceiptOutcome.StatusUpdate map(String status, String detailedCode, NotificationStatus current) {
        MappingRow row = statuses.get(status);
        if (row == null) {
            throw new UnknownReceiptStatusException(
                    CLIENT + " callback failed: status " + status + " not found.", status, unknownStatusFallback);
        }
        if (row.status() != NotificationStatus.PERMANENT_FAILURE) {
            return row.toUpdate();
        }
        MappingRow detailed = detailedCode == null ? null : detailedCodes.get(detailedCode);
        if (detailed != null) {
            return detailed.toUpdate();
        }
        // Firetext reports pending when a handset is unreachable, so a later decline is not final.
        if (current == NotificationStatus.PENDING) {
            return new ReceiptOutcome.StatusUpdate(NotificationStatus.TEMPORARY_FAILURE,
                    row.reason() + " after pending" + unrecognised(detailedCode));
        }
        return new ReceiptOutcome.StatusUpdate(row.status(), row.reason() + unrecognised(detailedCode));
    }

    private static String unrecognised(String detailedCode) {
        return detailedCode == null ? "" : " (code " + detailedCode + " not recognised)";
    }
}
