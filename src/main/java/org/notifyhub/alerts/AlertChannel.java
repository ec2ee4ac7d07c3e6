package org.notifyhub.alerts;

/** Where alerts go. Every channel bean in the context receives every alert; one failing never stops the others. */
public interface AlertChannel {

    /** Short name for logs, e.g. {@code webhook}. */
    String name();

    void send(Alert alert);
}
