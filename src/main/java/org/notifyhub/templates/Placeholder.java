package org.notifyhub.templates;

/**
 * One {@code ((…))} in a template field. A conditional placeholder {@code ((name??text))} shows {@code text}
 * when its value is truthy; everything after the first {@code ??} is that text.
 */
record Placeholder(String name, String conditionalText) {

    static Placeholder parse(String body) {
        int separator = body.indexOf("??");
        return separator < 0
                ? new Placeholder(body, null)
                : new Placeholder(body.substring(0, separator), body.substring(separator + 2));
    }

    boolean isConditional() {
        return conditionalText != null;
    }

    /** How Notify writes a placeholder it has no value for. */
    String unfilled() {
        return isConditional() ? "((" + name + "??" + conditionalText + "))" : "((" + name + "))";
    }
}
