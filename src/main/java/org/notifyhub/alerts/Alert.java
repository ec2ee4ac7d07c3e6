package org.notifyhub.alerts;

import java.time.Instant;

/**
 * Something an operator must look at (Notify raised these as Zendesk tickets or exceptions): a short title, a body
 * naming what is wrong, and a stable kind to filter and deduplicate on, e.g. {@code dvla-response-file-failed-letters}.
 */
public record Alert(String kind, String title, String body, Instant raisedAt) {
}
