package org.notifyhub.receipts.sns;

/** A message to the SNS endpoint that is not a genuine, well-formed SNS message. */
public class InvalidSnsMessageException extends RuntimeException {

    public InvalidSnsMessageException(String message) {
        super(message);
    }
}
