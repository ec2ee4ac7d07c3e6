package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

/** Finding and filling {@code ((placeholders))} in template fields. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");

    private Placeholders() {
    }

    /**
     * The placeholder names used across the given fields (null fields are skipped), each name once however it
     * is spelt, in order of first appearance and spelt as it first appears.
     */
    public static List<String> names(String... fields) {
        Map<String, String> byNormalisedName = new LinkedHashMap<>();
        for (String field : fields) {
            if (field == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(field);
            while (m.find()) {
                String name = Placeholder.parse(m.group(1)).name();
                byNormalisedName.putIfAbsent(normalise(name), name);
            }
        }
        return List.copyOf(byNormalisedName.values());
    }

    /** The form names are compared in: lower case, with spaces, underscores and hyphens removed. */
    public static String normalise(String name) {
        return Whitespace.removeChars(name, " _-").toLowerCase(Locale.ROOT);
    }

    /**
     * The placeholders of the fields that have no value, in the order of {@link #names}. A key that is absent or
     * maps to null is missing; an empty string is a value. Keys that match no placeholder are ignored.
     */
    public static List<String> missing(Map<String, ?> personalisation, String... fields) {
        Personalisation values = Personalisation.of(personalisation);
        List<String> missing = new ArrayList<>();
        for (String name : names(fields)) {
            if (values.valueFor(name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Fills a field. {@code escape} is applied to the template's own text and to each value, so an HTML field
     * escapes both while the placeholders' brackets are never mistaken for markup. A placeholder without a
     * value is written back as it was.
     */
    static String fill(String field, Personalisation values, UnaryOperator<String> escape, boolean markdownLists) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(field);
        StringBuilder out = new StringBuilder(field.length());
        int last = 0;
        while (m.find()) {
            out.append(escape.apply(field.substring(last, m.start())));
            out.append(replacement(Placeholder.parse(m.group(1)), values, escape, markdownLists));
            last = m.end();
        }
        return out.append(escape.apply(field.substring(last))).toString();
    }

    private static String replacement(Placeholder placeholder, Personalisation values,
            UnaryOperator<String> escape, boolean markdownLists) {
        Object value = values.valueFor(placeholder.name());
        if (value == null) {
            return escape.apply(placeholder.unfilled());
        }
        String text = escape.apply(PersonalisationValue.text(value, markdownLists));
        if (placeholder.isConditional()) {
            return PersonalisationValue.isTruthy(text) ? escape.apply(placeholder.conditionalText()) : "";
        }
        return text;
    }
}
