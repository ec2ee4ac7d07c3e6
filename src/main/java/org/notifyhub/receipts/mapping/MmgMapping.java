package org.notifyhub.receipts.mapping;

import java.util.Map;
import java.util.Set;
import org.notifyhub.notifications.NotificationStatus;

/** mappings/mmg.yaml: the {@code status} table; substatuses only refine the logged reason. */
record MmgMapping(Set<NotificationStatus> mayUpdateFrom, NotificationStatus unknownStatusFallback,
        Map<String, MmgMapping.Status> statuses) {

    static final String CLIENT = "MMG";

    record Status(MappingRow row, Map<String, String> substatusReasons) {
    }

    static MmgMapping read(MappingEntry root) {
        root.allowOnly("may-update-from", "unknown-status-fallback", "statuses");
        return new MmgMapping(
                root.requiredStatusList("may-update-from"),
                root.requiredStatus("unknown-status-fallback"),
                MappingEntry.byCode(root.requiredEntries("statuses"), MmgMapping::status));
    }

    private static Status status(MappingEntry entry) {
        entry.allowOnly("code", "status", "reason", "substatuses");
        Map<String, String> reasons = MappingEntry.byCode(entry.optionalEntries("substatuses"),
                substatus -> substatus.allowOnly("code", "reason").requiredString("reason"));
        return new Status(MappingRow.read(entry), reasons);
    }

    ReceiptOutcome.StatusUpdate map(String status, String substatus) {
        Status mapped = statuses.get(status);
        if (mapped == null) {
            throw new UnknownReceiptStatusException(
                    CLIENT + " callback failed: status " + status + " not found.", status, unknownStatusFallback);
        }
        MappingRow row = mapped.row();
        if (substatus == null) {
            return row.toUpdate();
        }
        String reason = mapped.substatusReasons().get(substatus);
        return new ReceiptOutcome.StatusUpdate(row.status(),
                reason != null ? reason : row.reason() + " (substatus " + substatus + " not recognised)");
    }
}
