package org.notifyhub.receipts.mapping;

import java.util.Map;
import java.util.Set;
import org.notifyhub.notifications.NotificationStatus;

/** mappings/ses.yaml: SES notificationTypes, with bounces refined by bounceType. */
record SesMapping(Set<NotificationStatus> mayUpdateFrom, Map<String, SesMapping.Type> notificationTypes) {

    static final String CLIENT = "SES";

    /** A notificationType: either a complaint, or a status row with optional bounceType refinements. */
    record Type(boolean complaint, MappingRow row, Map<String, MappingRow> bounceTypes) {
    }

    static SesMapping read(MappingEntry root) {
        root.allowOnly("may-update-from", "notification-types");
        return new SesMapping(
                root.requiredStatusList("may-update-from"),
                MappingEntry.byCode(root.requiredEntries("notification-types"), SesMapping::type));
    }

    private static Type type(MappingEntry entry) {
        String outcome = entry.has("outcome") ? entry.requiredString("outcome") : "status-update";
        switch (outcome) {
            case "complaint" -> {
                entry.allowOnly("code", "outcome", "reason");
                entry.requiredString("reason");
                return new Type(true, null, Map.of());
            }
            case "status-update" -> {
                entry.allowOnly("code", "outcome", "status", "reason", "bounce-types");
                Map<String, MappingRow> bounceTypes = MappingEntry.byCode(entry.optionalEntries("bounce-types"),
                        bounce -> MappingRow.read(bounce.allowOnly("code", "status", "reason")));
                return new Type(false, MappingRow.read(entry), bounceTypes);
            }
            default -> throw entry.problem("'outcome' must be status-update or complaint, got \"" + outcome + "\"");
        }
    }

    ReceiptOutcome map(String notificationType, String bounceType, String complaintType) {
        Type type = notificationTypes.get(notificationType);
        if (type == null) {
            throw new UnknownReceiptStatusException(
                    CLIENT + " callback failed: notificationType " + notificationType + " not found.",
                    notificationType, null);
        }
        if (type.complaint()) {
            return new ReceiptOutcome.Complaint(complaintType);
        }
        MappingRow refined = bounceType == null ? null : type.bounceTypes().get(bounceType);
        return (refined != null ? refined : type.row()).toUpdate();
    }
}
