package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.notifyhub.templates.MarkdownBlock.BlankLines;
import org.notifyhub.templates.MarkdownBlock.BulletList;
import org.notifyhub.templates.MarkdownBlock.Code;
import org.notifyhub.templates.MarkdownBlock.Footnote;
import org.notifyhub.templates.MarkdownBlock.Heading;
import org.notifyhub.templates.MarkdownBlock.HorizontalRule;
import org.notifyhub.templates.MarkdownBlock.Html;
import org.notifyhub.templates.MarkdownBlock.InsetText;
import org.notifyhub.templates.MarkdownBlock.Item;
import org.notifyhub.templates.MarkdownBlock.Paragraph;
import org.notifyhub.templates.MarkdownBlock.TextLines;
import org.notifyhub.templates.MarkdownDocument.LinkDefinition;
import org.notifyhub.templates.MarkdownInlineParser.FootnoteNumbers;
import org.notifyhub.templates.MarkdownInline.AutoLink;
import org.notifyhub.templates.MarkdownInline.LineBreak;
import org.notifyhub.templates.MarkdownInline.Link;
import org.notifyhub.templates.MarkdownInline.RawHtml;
import org.notifyhub.templates.MarkdownInline.Text;

/** Walks parsed markdown; subclasses decide what each construct looks like. */
abstract class MarkdownRenderer {

    private Map<String, LinkDefinition> links = Map.of();
    private FootnoteNumbers footnoteNumbers;
    private boolean inFootnote;
    private final List<Map.Entry<String, String>> footnotes = new ArrayList<>();

    final String render(String markdown) {
        MarkdownDocument document = MarkdownBlockParser.parse(markdown);
        links = document.links();
        footnoteNumbers = new FootnoteNumbers(document.footnotes());
        String body = blocks(document.blocks());
        return body + referencedFootnotes();
    }

    private String referencedFootnotes() {
        StringBuilder out = new StringBuilder();
        footnotes.stream()
                .filter(footnote -> footnoteNumbers.numberOf(footnote.getKey()) != null)
                .sorted(Comparator.comparing(footnote -> footnoteNumbers.numberOf(footnote.getKey())))
                .forEach(footnote -> out.append(footnote.getValue()));
        return out.toString();
    }

    abstract String lineBreak();

    abstract String horizontalRule();

    /** Levels 1 and 2 are headings in Notify; deeper ones are shown as paragraphs. */
    abstract String heading(int level, String text);

    abstract String paragraph(String text);

    abstract String insetText(String body);

    abstract String list(boolean ordered, List<String> items);

    /** Text from the markdown, escaped as markdown escapes it; plain-text output decodes it again at the end. */
    String text(String text) {
        return HtmlEntities.escapeText(text);
    }

    abstract String autoLink(String url, boolean emailAddress);

    abstract String link(String url, String title, String text);

    private String blocks(List<MarkdownBlock> blocks) {
        StringBuilder out = new StringBuilder();
        for (MarkdownBlock block : blocks) {
            out.append(block(block, false));
        }
        return out.toString();
    }

    private String block(MarkdownBlock block, boolean inTightItem) {
        if (block instanceof BlankLines) {
            return lineBreak();
        } else if (block instanceof HorizontalRule) {
            return horizontalRule();
        } else if (block instanceof Code code) {
            return code.text();
        } else if (block instanceof Html html) {
            return html.html();
        } else if (block instanceof Footnote footnote) {
            inFootnote = true;
            footnotes.add(Map.entry(footnote.key(), blocks(footnote.blocks())));
            inFootnote = false;
            return "";
        } else if (block instanceof Heading heading) {
            return heading(heading.level(), inline(heading.text()));
        } else if (block instanceof Paragraph paragraph) {
            return paragraph(inline(paragraph.text()));
        } else if (block instanceof TextLines lines) {
            return inTightItem ? inline(lines.text()) : paragraph(inline(lines.text()));
        } else if (block instanceof InsetText inset) {
            return insetText(blocks(inset.blocks()));
        } else if (block instanceof BulletList list) {
            List<String> items = new ArrayList<>();
            for (Item item : list.items()) {
                StringBuilder body = new StringBuilder();
                for (MarkdownBlock child : item.blocks()) {
                    body.append(block(child, !item.loose()));
                }
                items.add(body.toString());
            }
            return list(list.ordered(), items);
        }
        throw new IllegalArgumentException("Unknown block " + block);
    }

    private String inline(String markdown) {
        return inlines(MarkdownInlineParser.parse(markdown, links, inFootnote ? null : footnoteNumbers));
    }

    private String inlines(List<MarkdownInline> inlines) {
        StringBuilder out = new StringBuilder();
        for (MarkdownInline inline : inlines) {
            if (inline instanceof Text text) {
                out.append(text(text.text()));
            } else if (inline instanceof RawHtml html) {
                out.append(html.html());
            } else if (inline instanceof LineBreak) {
                out.append(lineBreak());
            } else if (inline instanceof AutoLink link) {
                out.append(autoLink(link.url(), link.emailAddress()));
            } else if (inline instanceof Link link) {
                out.append(link(link.url(), link.title(), inlines(link.text())));
            }
        }
        return out.toString();
    }
}
