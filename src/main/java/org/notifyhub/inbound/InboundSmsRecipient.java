package org.notifyhub.inbound;

import java.util.UUID;

/** The service an active inbound number belongs to, and whether it may receive text messages. */
public record InboundSmsRecipient(UUID serviceId, String number, boolean inboundSmsAllowed) {
}
