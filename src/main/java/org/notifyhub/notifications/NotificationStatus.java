package org.notifyhub.notifications;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Notification statuses exactly as GOV.UK Notify stores and shows them. */
public enum NotificationStatus {
    CREATED("created"),
    SENDING("sending"),
    PENDING("pending"),
    SENT("sent"),
    DELIVERED("delivered"),
    PERMANENT_FAILURE("permanent-failure"),
    TEMPORARY_FAILURE("temporary-failure"),
    TECHNICAL_FAILURE("technical-failure"),
    VALIDATION_FAILED("validation-failed"),
    VIRUS_SCAN_FAILED("virus-scan-failed"),
    PENDING_VIRUS_CHECK("pending-virus-check"),
    RETURNED_LETTER("returned-letter"),
    CANCELLED("cancelled");

    /** Final statuses: a notification in one of these has a completed_at. */
    public static final Set<NotificationStatus> COMPLETED = EnumSet.of(SENT, DELIVERED, TECHNICAL_FAILURE,
            TEMPORARY_FAILURE, PERMANENT_FAILURE, RETURNED_LETTER, CANCELLED, VALIDATION_FAILED);

    private final String wireName;

    NotificationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isCompleted() {
        return COMPLETED.contains(this);
    }

    public static NotificationStatus fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification status: " + name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
