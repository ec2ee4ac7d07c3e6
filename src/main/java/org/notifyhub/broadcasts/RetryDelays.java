package org.notifyhub.broadcasts;

/** Notify's get_retry_delay: 1, 2, 4, 8 … seconds after each failure, never more than the cap (240 s). */
public final class RetryDelays {

    public static final int CAP_SECONDS = 240;

    private RetryDelays() {
    }

    /** @param retries failed attempts so far, 0 after the first failure */
    public static int after(int retries, int capSeconds) {
        return retries >= 31 ? capSeconds : (int) Math.min(1L << retries, capSeconds);
    }
}
