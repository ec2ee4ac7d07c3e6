package org.notifyhub.queues;

import java.util.List;

/** The database-tasks message of Notify's process-returned-letters-list: up to 5000 references. */
public record ReturnedLettersTask(String task, List<String> references) implements QueueMessage {

    public static final String NAME = "process-returned-letters-list";

    public static ReturnedLettersTask of(List<String> references) {
        return new ReturnedLettersTask(NAME, references);
    }
}
