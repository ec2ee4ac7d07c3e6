package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.notifyhub.common.Whitespace;

/** Fills in a letter's subject, body and contact block; laying the letter out as a PDF happens elsewhere. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    public static RenderedLetter render(String subject, String content, String contactBlockOrNull,
            Map<String, ?> personalisation) {
        Personalisation values = Personalisation.of(personalisation);
        UnaryOperator<String> asIs = text -> text;
        String renderedSubject = Whitespace.normalise(Typography.nice(Placeholders.fill(subject, values, asIs, false)));
        String body = Whitespace.strip(Placeholders.fill(content, values, asIs, true));
        return new RenderedLetter(renderedSubject, body, contactBlock(contactBlockOrNull, values));
    }

    private static String contactBlock(String contactBlock, Personalisation values) {
        if (contactBlock == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : Whitespace.strip(contactBlock).split("\n", -1)) {
            lines.add(Whitespace.strip(line));
        }
        String filled = Placeholders.fill(String.join("\n", lines), values, text -> text, false);
        return Whitespace.strip(Whitespace.removeBeforePunctuation(filled));
    }
}
