package org.notifyhub.queues;

/** A task message that can never succeed however often it is tried: not JSON, or no task this queue takes. */
public class UnreadableTaskException extends IllegalArgumentException {

    public UnreadableTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
