package org.notifyhub.inbound;

import org.notifyhub.common.ProviderRequestException;

/** A provider's inbound SMS post without credentials (401) or with ones we do not accept (403), in Notify's texts. */
public class InboundSmsAuthException extends ProviderRequestException {

    private InboundSmsAuthException(int status, String message) {
        super(status, message);
    }

    public static InboundSmsAuthException missing() {
        return new InboundSmsAuthException(401, "Unauthorized: authentication token must be provided");
    }

    public static InboundSmsAuthException refused() {
        return new InboundSmsAuthException(403, "Forbidden: invalid authentication token provided");
    }
}
