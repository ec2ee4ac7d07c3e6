package org.notifyhub.templates;

import java.util.List;
import org.notifyhub.common.Whitespace;

/** The plain-text part of an email: underlined headings, {@code •} and numbered lists, links as "text: url". */
final class EmailPlainTextMarkdownRenderer extends MarkdownRenderer {

    private static final int COLUMN_WIDTH = 65;

    static String toPlainText(String markdown) {
        return new EmailPlainTextMarkdownRenderer().render(markdown);
    }

    @Override
    String lineBreak() {
        return "\n";
    }

    @Override
    String horizontalRule() {
        StringBuilder rule = new StringBuilder(COLUMN_WIDTH);
        for (int i = 0; i < COLUMN_WIDTH; i++) {
            rule.append(i % 2 == 0 ? '=' : '-');
        }
        return paragraph(rule.toString());
    }

    @Override
    String heading(int level, String text) {
        return switch (level) {
            case 1 -> "\n\n\n" + text + "\n" + "=".repeat(COLUMN_WIDTH);
            case 2 -> "\n\n\n" + text + "\n" + "-".repeat(COLUMN_WIDTH);
            default -> paragraph(text);
        };
    }

    @Override
    String paragraph(String text) {
        return Whitespace.isBlank(text) ? "" : "\n\n" + text;
    }

    @Override
    String insetText(String body) {
        return body;
    }

    @Override
    String list(boolean ordered, List<String> items) {
        StringBuilder out = new StringBuilder("\n");
        for (int i = 0; i < items.size(); i++) {
            out.append('\n').append(ordered ? (i + 1) + "." : "•").append(' ').append(Whitespace.strip(items.get(i)));
        }
        return out.toString();
    }

    @Override
    String autoLink(String url, boolean emailAddress) {
        return url;
    }

    @Override
    String link(String url, String title, String text) {
        return text + (title == null || title.isEmpty() ? "" : " (" + title + ")") + ": " + url;
    }
}
