package org.notifyhub.templates;

import java.util.List;
import org.notifyhub.common.Whitespace;

/** Email HTML as Notify writes it: inline styles throughout, and lists inside tables so Outlook lays them out. */
final class EmailHtmlMarkdownRenderer extends MarkdownRenderer {

    private static final String LINK_STYLE = "word-wrap: break-word; color: #1D70B8;";

    static String toHtml(String markdown) {
        return new EmailHtmlMarkdownRenderer().render(markdown);
    }

    @Override
    String lineBreak() {
        return "<br>";
    }

    @Override
    String horizontalRule() {
        return "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">";
    }

    @Override
    String heading(int level, String text) {
        return switch (level) {
            case 1 -> "<h2 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px; line-height: 35px;"
                    + " font-weight: bold; color: #0B0C0C;\">" + text + "</h2>";
            case 2 -> "<h3 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px; line-height: 25px;"
                    + " font-weight: bold; color: #0B0C0C;\">" + text + "</h3>";
            default -> paragraph(text);
        };
    }

    @Override
    String paragraph(String text) {
        return Whitespace.isBlank(text) ? ""
                : "<p style=\"Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;\">" + text + "</p>";
    }

    @Override
    String insetText(String body) {
        return "<div style=\"Margin: 0 0 20px 0;\"><blockquote style=\"Margin: 0; border-left: 10px solid #B1B4B6;"
                + "padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">" + body + "</blockquote></div>";
    }

    @Override
    String list(boolean ordered, List<String> items) {
        StringBuilder out = new StringBuilder("<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr>"
                + "<td style=\"font-family: Helvetica, Arial, sans-serif;\">");
        out.append(ordered
                ? "<ol style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;\">"
                : "<ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">");
        for (String item : items) {
            // the missing space after "19px;" is Notify's, kept so our HTML matches theirs
            out.append("<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px;"
                    + " color: #0B0C0C;\">").append(Whitespace.strip(item)).append("</li>");
        }
        return out.append(ordered ? "</ol>" : "</ul>").append("</td></tr></table>").toString();
    }

    @Override
    String autoLink(String url, boolean emailAddress) {
        return emailAddress ? url : LinkHtml.anchor(url, null, url, LINK_STYLE);
    }

    @Override
    String link(String url, String title, String text) {
        return LinkHtml.anchor(url, title, text, LINK_STYLE);
    }
}
