package org.notifyhub.inbound;

import java.time.LocalDateTime;

/**
 * A text message a member of the public sent to a service's inbound number, as the provider reported it.
 *
 * @param provider          {@code mmg} or {@code firetext}
 * @param number            our number as the provider wrote it, e.g. {@code 447700900500}
 * @param from              the sender's number as the provider wrote it
 * @param providerReference MMG's message id; Firetext sends none
 * @param providerDate      when the provider received it (UTC); null when it did not say
 */
public record InboundSmsMessage(String provider, String number, String from, String content, String providerReference,
                                LocalDateTime providerDate) {
}
