package org.notifyhub.templates;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.notifyhub.common.Whitespace;

/** Renders email templates into a subject, an HTML body and a plain-text body. */
public final class EmailRenderer {

    /** The most a body may hold once filled in: Notify's error reports {@link RenderedEmail#bodyByteLength()}. */
    public static final int MAX_BODY_BYTES = 2_000_000;

    private EmailRenderer() {
    }

    /**
     * Renders an email. Personalisation is HTML-escaped in the HTML body; a list value becomes a bullet list.
     * A placeholder without a value stays as {@code ((name))}.
     */
    public static RenderedEmail render(String subject, String content, Map<String, ?> personalisation) {
        Personalisation values = Personalisation.of(personalisation);
        UnaryOperator<String> asIs = text -> text;

        String renderedSubject = Whitespace.normalise(Typography.nice(Placeholders.fill(subject, values, asIs, false)));
        String htmlBody = Typography.nice(EmailHtmlMarkdownRenderer.toHtml(
                markdownSource(Placeholders.fill(content, values, HtmlEntities::escapeHtml, true))));
        String plainText = Typography.nice(EmailPlainTextMarkdownRenderer.toPlainText(
                markdownSource(Placeholders.fill(content, values, asIs, true))));
        plainText = Whitespace.lstrip(HtmlEntities.unescape(plainText)) + "\n";
        String body = Whitespace.strip(Placeholders.fill(content, values, asIs, true));

        return new RenderedEmail(renderedSubject, htmlBody, plainText, EmailHtmlDocument.wrap(renderedSubject, htmlBody),
                body);
    }

    private static String markdownSource(String filledContent) {
        String text = Typography.unlinkGovUk(filledContent);
        // characters Notify strips because mail clients show them as boxes
        text = text.replace("\u2028", "").replace("\u3164", "");
        return text + "\n";
    }
}
