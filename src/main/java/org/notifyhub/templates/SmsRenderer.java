package org.notifyhub.templates;

import java.util.HashMap;
import java.util.Map;
import org.notifyhub.common.Whitespace;

/** Renders SMS templates and counts them as Notify bills them. */
public final class SmsRenderer {

    /** The longest message Notify accepts (153 × 6), not counting the service-name prefix. */
    // Notify's "Your message is {n} characters long." uses n = contentLengthWithoutPrefix (extension chars once).
    public static final int MAX_CHARACTERS = 918;

    // Stands in for each placeholder while a template with no personalisation at all is measured.
    private static final String BLANK_PLACEHOLDER = "\uE002\uE003";

    private SmsRenderer() {
    }

    /**
     * Renders a text message. {@code prefixOrNull} is the service name for services that prefix their messages.
     * A placeholder without a value stays as {@code ((name))}; with no personalisation at all (null or empty),
     * placeholders count as empty, which is how Notify measures a template on its own.
     */
    public static RenderedSms render(String templateContent, Map<String, ?> personalisation, String prefixOrNull) {
        Personalisation values = Personalisation.of(personalisation);
        if (values.isEmpty()) {
            Map<String, String> blanks = new HashMap<>();
            Placeholders.names(templateContent).forEach(name -> blanks.put(name, BLANK_PLACEHOLDER));
            values = Personalisation.of(blanks);
        }
        String filled = Placeholders.fill(templateContent, values, text -> text, false);
        boolean prefixed = prefixOrNull != null && !prefixOrNull.isEmpty();
        if (prefixed) {
            filled = Whitespace.strip(prefixOrNull) + ": " + filled;
        }
        String unsanitised = tidy(filled).replace(BLANK_PLACEHOLDER, "");
        String body = SmsSanitiser.sanitise(unsanitised);

        // Notify decides the encoding and extension count before sanitising, so a character that sanitising
        // turns into a Welsh letter does not switch the message to Unicode.
        boolean unicode = SmsCharacters.needsUnicode(unsanitised);
        int characterCount = body.length();
        int fragments = fragments(characterCount, SmsCharacters.countExtension(unsanitised), unicode);
        int withoutPrefix = prefixed
                ? Math.max(characterCount - SmsSanitiser.sanitise(prefixOrNull).length() - 2, 0)
                : characterCount;
        return new RenderedSms(body, characterCount, fragments, unicode, withoutPrefix);
    }

    /** The number of parts a message is billed as, counted as Notify counts it. */
    public static int fragmentCount(String text) {
        return fragments(sanitise(text).length(), SmsCharacters.countExtension(text), SmsCharacters.needsUnicode(text));
    }

    /** Replaces every character that cannot go in an SMS with a sendable one, or {@code ?}. */
    public static String sanitise(String text) {
        return SmsSanitiser.sanitise(text);
    }

    private static String tidy(String text) {
        String tidied = Whitespace.removeBeforePunctuation(text);
        tidied = Whitespace.normaliseEachLine(tidied);
        tidied = Whitespace.collapseMultipleNewlines(tidied);
        return Whitespace.strip(tidied);
    }

    private static int fragments(int length, int extensionCharacters, boolean unicode) {
        if (unicode) {
            return length <= 70 ? 1 : ceilDiv(length, 67);
        }
        int characters = length + extensionCharacters;
        return characters <= 160 ? 1 : ceilDiv(characters, 153);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
