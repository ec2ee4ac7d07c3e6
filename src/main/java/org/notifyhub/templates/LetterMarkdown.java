package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.List;
import org.notifyhub.common.Whitespace;

/**
 * Turns a rendered letter body ({@link RenderedLetter#body()}) into the blocks a PDF lays out, using the same
 * markdown parser as email, with Notify's letter rules: only {@code #} makes a heading, a horizontal rule is a
 * page break, inset text is ordinary text and a link prints as "text: url".
 */
public final class LetterMarkdown {

    /** Marks where a block starts in the walker's output; removed from the input, so text cannot contain it. */
    private static final char BLOCK = '\u001e';
    /** Separates a list item's marker from its text. */
    private static final char FIELD = '\u001f';
    private static final char NESTED = '>';

    private LetterMarkdown() {
    }

    public static List<LetterBlock> blocks(String body) {
        String source = body.replace(String.valueOf(BLOCK), "").replace(String.valueOf(FIELD), "");
        String walked = new Walker().render(source + "\n");
        return parse(walked);
    }

    private static List<LetterBlock> parse(String walked) {
        List<LetterBlock> blocks = new ArrayList<>();
        String[] chunks = walked.split(String.valueOf(BLOCK), -1);
        addParagraph(blocks, chunks[0], 0);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            int depth = 0;
            while (depth < chunk.length() && chunk.charAt(depth) == NESTED) {
                depth++;
            }
            char kind = chunk.charAt(depth);
            String rest = chunk.substring(depth + 1);
            switch (kind) {
                case 'H' -> {
                    String text = tidy(rest);
                    if (!text.isEmpty()) {
                        blocks.add(new LetterBlock.Heading(text));
                    }
                }
                case 'P' -> addParagraph(blocks, rest, depth);
                case 'B' -> {
                    blocks.add(new LetterBlock.PageBreak());
                    addParagraph(blocks, rest, depth);
                }
                case 'L' -> {
                    int field = rest.indexOf(FIELD);
                    blocks.add(new LetterBlock.ListItem(rest.substring(0, field), tidy(rest.substring(field + 1)), depth));
                }
                default -> throw new IllegalStateException("Unknown letter block kind " + kind);
            }
        }
        return mergeLooseItems(blocks);
    }

    /** A loose list item's text arrives as a paragraph one level deeper: it becomes the item's own text. */
    private static List<LetterBlock> mergeLooseItems(List<LetterBlock> blocks) {
        List<LetterBlock> merged = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            LetterBlock block = blocks.get(i);
            if (block instanceof LetterBlock.ListItem item && item.text().isEmpty() && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof LetterBlock.Paragraph next && next.depth() == item.depth() + 1) {
                merged.add(new LetterBlock.ListItem(item.marker(), next.text(), item.depth()));
                i++;
            } else {
                merged.add(block);
            }
        }
        return merged;
    }

    private static void addParagraph(List<LetterBlock> blocks, String text, int depth) {
        String tidied = tidy(text);
        if (!tidied.isEmpty()) {
            blocks.add(new LetterBlock.Paragraph(tidied, depth));
        }
    }

    private static String tidy(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(Whitespace.normalise(line));
        }
        return Typography.nice(Whitespace.strip(String.join("\n", lines)));
    }

    /** Walks the parsed markdown, writing each block behind a marker so nesting survives as depth. */
    private static final class Walker extends MarkdownRenderer {

        @Override
        String lineBreak() {
            return "\n";
        }

        @Override
        String horizontalRule() {
            return BLOCK + "B";
        }

        @Override
        String heading(int level, String text) {
            return level == 1 ? BLOCK + "H" + text : paragraph(text);
        }

        @Override
        String paragraph(String text) {
            return BLOCK + "P" + text;
        }

        @Override
        String insetText(String body) {
            return body;
        }

        @Override
        String list(boolean ordered, List<String> items) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                String nested = items.get(i).replace(String.valueOf(BLOCK), BLOCK + String.valueOf(NESTED));
                out.append(BLOCK).append('L').append(ordered ? (i + 1) + "." : "•").append(FIELD).append(nested);
            }
            return out.toString();
        }

        @Override
        String text(String text) {
            return text;
        }

        @Override
        String autoLink(String url, boolean emailAddress) {
            return url;
        }

        @Override
        String link(String url, String title, String text) {
            return text + ": " + url;
        }
    }
}
