package org.notifyhub.templates;

import java.nio.charset.StandardCharsets;

/**
 * An email ready to send.
 *
 * @param subject the subject line: placeholders filled, typography applied, whitespace collapsed
 * @param htmlBody the body as an HTML fragment, styled inline as Notify styles it (Notify's preview
 *     {@code html} field is this fragment)
 * @param plainTextBody the text/plain part, ending in a newline
 * @param html a complete HTML document wrapping {@code htmlBody}, for sending
 * @param body the template content with placeholders filled, still markdown: what Notify returns as an
 *     email's {@code body}, and what the size limit is measured on
 */
public record RenderedEmail(String subject, String htmlBody, String plainTextBody, String html, String body) {

    /** UTF-8 size of {@link #body()}, checked against {@link EmailRenderer#MAX_BODY_BYTES}. */
    public int bodyByteLength() {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    public boolean isTooLong() {
        return bodyByteLength() > EmailRenderer.MAX_BODY_BYTES;
    }

    public boolean isEmpty() {
        return body.isEmpty();
    }
}
