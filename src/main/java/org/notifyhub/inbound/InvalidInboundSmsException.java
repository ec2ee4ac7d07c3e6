package org.notifyhub.inbound;

import org.notifyhub.common.ProviderRequestException;

/** An inbound SMS post lacks a field we need or is not the JSON object MMG sends. */
public class InvalidInboundSmsException extends ProviderRequestException {

    public InvalidInboundSmsException(String message) {
        super(400, message);
    }
}
