package org.notifyhub.local;

import java.util.List;

/** A node outside the local default lacks settings it needs: it must not start half-working. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    MissingSettingsException(List<String> problems) {
        super("Notify Hub cannot start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
