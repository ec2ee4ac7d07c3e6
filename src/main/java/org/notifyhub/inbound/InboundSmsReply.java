package org.notifyhub.inbound;

/** What the provider is told: Notify answers MMG's messages for no service with a bare {@code RECEIVED}. */
public record InboundSmsReply(String body, String contentType) {

    static final InboundSmsReply OK = new InboundSmsReply("{\"status\":\"ok\"}", "application/json");
    static final InboundSmsReply RECEIVED = new InboundSmsReply("RECEIVED", "text/plain");
}
