package org.notifyhub.broadcasts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A broadcast message's statuses and the moves between them that Notify's API administers. */
public final class BroadcastStatus {

    public static final String DRAFT = "draft";
    public static final String PENDING_APPROVAL = "pending-approval";
    public static final String REJECTED = "rejected";
    public static final String BROADCASTING = "broadcasting";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String TECHNICAL_FAILURE = "technical-failure";

    public static final List<String> ALL = List.of(DRAFT, PENDING_APPROVAL, REJECTED, BROADCASTING, COMPLETED,
            CANCELLED, TECHNICAL_FAILURE);
    /** A message may be edited only before it goes out. */
    public static final Set<String> PRE_BROADCAST = Set.of(DRAFT, PENDING_APPROVAL, REJECTED);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            DRAFT, Set.of(PENDING_APPROVAL),
            PENDING_APPROVAL, Set.of(REJECTED, DRAFT, BROADCASTING),
            REJECTED, Set.of(DRAFT, PENDING_APPROVAL),
            BROADCASTING, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of(),
            TECHNICAL_FAILURE, Set.of());

    private BroadcastStatus() {
    }

    public static boolean canMove(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }
}
