package org.notifyhub.templates;

import java.util.List;

/** The block structure of Notify-flavoured markdown. Text inside blocks is still raw inline markdown. */
sealed interface MarkdownBlock {

    /** Blank lines Notify turns into a line break (it does so only where they are not swallowed by a block). */
    record BlankLines() implements MarkdownBlock {
    }

    /** {@code #} and {@code ##} headings, or a line underlined with {@code =} or {@code -}. */
    record Heading(int level, String text) implements MarkdownBlock {
    }

    record Paragraph(String text) implements MarkdownBlock {
    }

    /** Lines of plain text inside a list item or inset text; a paragraph unless the list is tight. */
    record TextLines(String text) implements MarkdownBlock {
    }

    /** Text after a {@code ^}: Notify's inset text. */
    record InsetText(List<MarkdownBlock> blocks) implements MarkdownBlock {
    }

    record BulletList(boolean ordered, List<Item> items) implements MarkdownBlock {
    }

    /** A list item is loose when blank lines separate it from its neighbours: its text then gets paragraphs. */
    record Item(boolean loose, List<MarkdownBlock> blocks) {
    }

    record HorizontalRule() implements MarkdownBlock {
    }

    /** Indented or fenced code: Notify has no code styling, so the text is shown as it is. */
    record Code(String text) implements MarkdownBlock {
    }

    /** A block of raw HTML: only plain-text output can contain one, since HTML output escapes the source. */
    record Html(String html) implements MarkdownBlock {
    }

    /** A {@code [^name]: text} footnote, moved to the end of the message if the text refers to it. */
    record Footnote(String key, List<MarkdownBlock> blocks) implements MarkdownBlock {
    }
}
