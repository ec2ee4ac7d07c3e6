package org.notifyhub.common;

import java.util.List;

/** A node's settings are missing or contradict each other: it must not start half-working. */
public class MissingSettingsException extends RuntimeException {

    private final String headline;
    private final List<String> problems;

    public MissingSettingsException(String headline, List<String> problems) {
        super("Notify Hub cannot start: " + headline + " " + String.join("; ", problems));
        this.headline = headline;
        this.problems = List.copyOf(problems);
    }

    public String headline() {
        return headline;
    }

    public List<String> problems() {
        return problems;
    }
}
