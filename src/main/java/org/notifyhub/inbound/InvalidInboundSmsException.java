package org.notifyhub.inbound;

/** An inbound SMS post lacks a field we need or is not the JSON object MMG sends. */
public class InvalidInboundSmsException extends RuntimeException {

    public InvalidInboundSmsException(String message) {
        super(message);
    }
}
