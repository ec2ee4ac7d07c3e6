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

        String renderedSubject = subject(subject, values);
        String htmlBody = Typography.nice(EmailHtmlMarkdownRenderer.toHtml(
                markdownSource(Placeholders.fill(content, values, HtmlEntities::escapeHtml, true))));
        String plainText = Typography.nice(EmailPlainTextMarkdownRenderer.toPlainText(
                markdownSource(Placeholders.fill(content, values, asIs, true))));
        plainText = Whitespace.lstrip(HtmlEntities.unescape(plainText)) + "\n";
        return new RenderedEmail(renderedSubject, htmlBody, plainText, EmailHtmlDocument.wrap(renderedSubject, htmlBody),
                body(content, values));
    }

    /** Only the subject and body of {@link #render}, identical to its, for the API's answer and size check. */
    public static EmailText text(String subject, String content, Map<String, ?> personalisation) {
        Personalisation values = Personalisation.of(personalisation);
        return new EmailText(subject(subject, values), body(content, values));
    }

    private static String subject(String subject, Personalisation values) {
        return Whitespace.normalise(Typography.nice(Placeholders.fill(subject, values, text -> text, false)));
    }

    private static String body(String content, Personalisation values) {
        return Whitespace.strip(Placeholders.fill(content, values, text -> text, true));
    }

    private static String markdownSource(String filledContent) {
        String text = Typography.unlinkGovUk(filledContent);
        // characters Notify strips because mail clients show them as boxes
        text = text.replace("\u2028", "").replace("\u3164", "");
        return text + "\n";
    }
}
