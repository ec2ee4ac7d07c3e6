package org.notifyhub.templates;

/**
 * One block of a letter body as the PDF lays it out: Notify's letter markdown knows headings ({@code #}), paragraphs,
 * bulleted and numbered lists, and page breaks ({@code ***} or {@code ---} on a line of their own). Text is plain,
 * with typography applied; {@code \n} inside it is a line break the author asked for.
 */
public sealed interface LetterBlock {

    record Heading(String text) implements LetterBlock {
    }

    /** {@code depth} is how many list levels the paragraph sits inside (0 at the top level). */
    record Paragraph(String text, int depth) implements LetterBlock {
    }

    /** One list item: {@code marker} is {@code •} or {@code 1.}; {@code depth} counts enclosing lists (0 at the top). */
    record ListItem(String marker, String text, int depth) implements LetterBlock {
    }

    record PageBreak() implements LetterBlock {
    }
}
