package org.notifyhub.templates;

import java.nio.charset.StandardCharsets;

/**
 * The parts of an email the public API answers with and checks, without its HTML and plain-text parts, which only
 * the send needs: accepting a request does not pay for rendering markdown.
 *
 * @param subject as {@link RenderedEmail#subject()}
 * @param body as {@link RenderedEmail#body()}
 */
public record EmailText(String subject, String body) {

    /** UTF-8 size of {@link #body()}, checked against {@link EmailRenderer#MAX_BODY_BYTES}. */
    public int bodyByteLength() {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    public boolean isTooLong() {
        return bodyByteLength() > EmailRenderer.MAX_BODY_BYTES;
    }
}
