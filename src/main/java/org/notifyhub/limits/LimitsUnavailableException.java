package org.notifyhub.limits;

import org.notifyhub.common.Outages;
import org.notifyhub.common.V2ApiException;

/**
 * A send whose limits could not be checked in time: their shared rows were locked, slow or failing. It is refused with
 * a 503 in Notify's envelope, having counted nothing, so the caller tries again later; neither accepting it unchecked
 * (the limit could be passed) nor a 429 (no limit was reached) would tell the truth.
 */
public class LimitsUnavailableException extends V2ApiException {

    public LimitsUnavailableException(String message) {
        super(503, Outages.ERROR, message);
    }
}
