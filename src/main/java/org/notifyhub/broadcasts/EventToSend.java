package org.notifyhub.broadcasts;

/**
 * An event with what the checks before every send need to know about its service and message, read fresh on each
 * attempt: a service suspended or put back in trial mode between attempts stops the sending.
 */
public record EventToSend(BroadcastEvent event, boolean serviceActive, boolean serviceRestricted, boolean stubbed,
                          String channel, String allowedProvider) {
}
