package org.notifyhub.limits;

/** The shared, durable side of the daily allowances: what every node together has taken of a day's limit. */
interface AllowanceLedger {

    /**
     * Leases a block sized by {@code sizing} from the allowance of {@code limit} in one short transaction of its own
     * (never the caller's, which could roll back a lease the node already counts on). Returns the units granted, 0
     * when the allowance is used up.
     */
    long lease(AllowanceKey key, long limit, LeaseSizing sizing);

    /** Gives back units a node leased and did not use. */
    void handBack(AllowanceKey key, long units);
}
