package org.notifyhub.limits;

/**
 * How much of a shared allowance one node leases at a time: a {@code 1/share} part of what is left, at least one unit
 * and at most {@code maxBlock}. Blocks shrink as the allowance runs down, so every node together holds at most a small
 * part of what is left, and the last {@code share} units go one at a time: the end of the allowance is exact.
 */
public record LeaseSizing(long share, long maxBlock) {

    public LeaseSizing {
        if (share < 1 || maxBlock < 1) {
            throw new IllegalArgumentException("share and max-block must be at least 1, not " + share + " and " + maxBlock);
        }
    }

    /** The units to lease from an allowance of {@code limit} of which {@code taken} are gone; 0 when none is left. */
    public long grant(long limit, long taken) {
        long left = limit - taken;
        if (left < 1) {
            return 0;
        }
        return Math.max(1, Math.min(maxBlock, left / share));
    }

    /** The same for a token bucket holding {@code available} (fractional) tokens: whole tokens only. */
    public long grant(double available) {
        return available < 1 ? 0 : grant((long) Math.floor(available), 0);
    }
}
