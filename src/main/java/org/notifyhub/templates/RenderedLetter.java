package org.notifyhub.templates;

/**
 * A letter's text with placeholders filled, before layout. Everything is plain text (not HTML-escaped): the body
 * is still Notify markdown for the PDF renderer to lay out.
 *
 * @param subject the heading line, typography applied and whitespace collapsed
 * @param body the content with placeholders filled, lists as markdown bullets
 * @param contactBlock the sender's contact details, one line each; empty when the letter has none
 */
public record RenderedLetter(String subject, String body, String contactBlock) {

    public boolean isEmpty() {
        return body.isEmpty();
    }
}
