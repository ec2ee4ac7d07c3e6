package org.notifyhub.templates;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code sanitise_content_for} on an email send, as Notify's post_notifications does it: in each named value every URL
 * is removed, except that one made only of ASCII letters, digits, dots and hyphens (likely a missing space, such as
 * {@code Jo.Smith}) is kept with a space after each dot; then every markdown character is backslash-escaped, so
 * the value renders as the text the sender typed, never as a link or formatting.
 */
public final class PersonalisationSanitiser {

    /**
     * Notify's URL pattern (notifications-utils {@code formatters.url}): an optional http(s) scheme, dotted
     * (sub)domains ending in a top-level domain of letters, then any path, query or fragment up to a space or {@code <}.
     * Python's {@code \w}, {@code \b} and case folding are Unicode-aware, hence the flags.
     */
    private static final Pattern URL = Pattern.compile(
            "\\b(?<![@.])(https?://)?([\\w\\-]+\\.)+([a-z]{2,63})(?!@)\\b([/?#][^<\\s]*)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ACCIDENTAL_LINK = Pattern.compile("[a-zA-Z0-9.\\-]+");
    private static final Pattern MARKDOWN_CHARACTER = Pattern.compile("([`*_(){}\\[\\]<>#+\\-.!|\\\\])");

    /** A value the list changed, as the send response reports it. */
    public record Change(String sanitised, String unsanitised) {
    }

    /**
     * @param personalisation every value, the named ones sanitised, in the request's order
     * @param changes         the values that sanitising changed, by their key as sent
     */
    public record Result(Map<String, Object> personalisation, Map<String, Change> changes) {
    }

    private PersonalisationSanitiser() {
    }

    /**
     * Sanitises the values whose keys are named, matching names as placeholders match (ignoring case, spaces, _ and
     * -). Only text is sanitised: other values (numbers, lists, files) pass unchanged.
     */
    public static Result sanitise(Map<String, Object> personalisation, Collection<String> names) {
        Set<String> named = names.stream().filter(name -> name != null).map(Placeholders::normalise)
                .collect(Collectors.toSet());
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        personalisation.forEach((key, value) -> {
            if (value instanceof String text && named.contains(Placeholders.normalise(key))) {
                String sanitised = sanitise(text);
                result.put(key, sanitised);
                if (!sanitised.equals(text)) {
                    changes.put(key, new Change(sanitised, text));
                }
            } else {
                result.put(key, value);
            }
        });
        return new Result(result, changes);
    }

    public static String sanitise(String value) {
        Matcher urls = URL.matcher(value);
        StringBuilder withoutUrls = new StringBuilder();
        while (urls.find()) {
            String url = urls.group();
            urls.appendReplacement(withoutUrls, Matcher.quoteReplacement(
                    ACCIDENTAL_LINK.matcher(url).matches() ? url.replace(".", ". ") : ""));
        }
        urls.appendTail(withoutUrls);
        return MARKDOWN_CHARACTER.matcher(withoutUrls).replaceAll("\\\\$1");
    }
}
