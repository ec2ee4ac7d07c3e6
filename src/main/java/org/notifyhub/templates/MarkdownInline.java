package org.notifyhub.templates;

import java.util.List;

/** Inline pieces of Notify-flavoured markdown. Emphasis, strikethrough and code are not among them. */
sealed interface MarkdownInline {

    /** Literal text, exactly as the markdown split it (escaping depends on where the pieces fall). */
    record Text(String text) implements MarkdownInline {
    }

    /** {@code [text](url "title")}, or a reference to a link defined elsewhere. */
    record Link(String url, String title, List<MarkdownInline> text) implements MarkdownInline {
    }

    /** A bare {@code http(s)://} address, or one written as {@code <url>}. */
    record AutoLink(String url, boolean emailAddress) implements MarkdownInline {
    }

    /** A single newline inside a paragraph: Notify keeps the author's line breaks. */
    record LineBreak() implements MarkdownInline {
    }

    /** Inline HTML, passed through: it only survives into plain text, as HTML fields are escaped first. */
    record RawHtml(String html) implements MarkdownInline {
    }
}
