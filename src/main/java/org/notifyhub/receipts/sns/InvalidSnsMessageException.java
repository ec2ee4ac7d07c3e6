package org.notifyhub.receipts.sns;

import org.notifyhub.common.ProviderRequestException;

/** A message to the SNS endpoint that is not a genuine, well-formed SNS message. */
public class InvalidSnsMessageException extends ProviderRequestException {

    public InvalidSnsMessageException(String message) {
        super(403, message);
    }
}
