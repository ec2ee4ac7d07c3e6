package org.notifyhub.receipts.mapping;

import org.notifyhub.notifications.NotificationStatus;

/** One provider code with the Notify status it means and the reason to log. */
record MappingRow(String code, NotificationStatus status, String reason) {

    static MappingRow read(MappingEntry entry) {
        return new MappingRow(entry.requiredString("code"), entry.requiredStatus("status"),
                entry.requiredString("reason"));
    }

    ReceiptOutcome.StatusUpdate toUpdate() {
        return new ReceiptOutcome.StatusUpdate(status, reason);
    }
}
