package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.templates.MarkdownDocument.LinkDefinition;
import org.notifyhub.templates.MarkdownInline.AutoLink;
import org.notifyhub.templates.MarkdownInline.LineBreak;
import org.notifyhub.templates.MarkdownInline.Link;
import org.notifyhub.templates.MarkdownInline.RawHtml;
import org.notifyhub.templates.MarkdownInline.Text;

/**
 * Splits a block's text into links, line breaks and plain text, with mistune 0.8's inline rules minus the ones
 * Notify switches off: {@code *emphasis*}, {@code **bold**}, {@code ~~strikethrough~~} and {@code `code`} stay
 * literal. Images are dropped.
 */
final class MarkdownInlineParser {

    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String ATTRIBUTE = "\\s*[a-zA-Z\\-](?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s'\">]+))?";
    // Link text: runs of ordinary characters are matched possessively so long text cannot exhaust the stack.
    private static final String LINK_TEXT = "((?:[^\\[\\]]++|\\[[^^\\]]*\\]|\\](?=[^\\[]*\\]))*)";

    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*{}\\[\\]()#+\\-.!_>~|])", FLAGS);
    private static final Pattern INLINE_HTML = Pattern.compile("(?:<!--[\\s\\S]*?-->"
            + "|<(\\w+(?!:/|[^\\w\\s@]*@)\\b)((?:" + ATTRIBUTE + ")*?)\\s*>([\\s\\S]*?)</\\1>"
            + "|<\\w+(?!:/|[^\\w\\s@]*@)\\b(?:" + ATTRIBUTE + ")*?\\s*/?>)", FLAGS);
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^([^\\]]+)\\]", FLAGS);
    private static final Pattern URL = Pattern.compile("(https?://[^\\s<]+[^<.,:\"')\\]\\s])", FLAGS);
    private static final Pattern LINK = Pattern.compile("!?\\[" + LINK_TEXT + "\\]\\(\\s*(?:<([\\s\\S]*?)>|([\\s\\S]*?))"
            + "(?:\\s+['\"]([\\s\\S]*?)['\"])?\\s*\\)", FLAGS);
    private static final Pattern REFERENCE_LINK = Pattern.compile("!?\\[" + LINK_TEXT + "\\]\\s*\\[([^^\\]]*)\\]", FLAGS);
    private static final Pattern SHORT_REFERENCE_LINK = Pattern.compile("!?\\[((?:[^\\[\\]]++|\\[[^\\]]*\\])*)\\]", FLAGS);
    private static final Pattern LINE_BREAK = Pattern.compile(" *\\n(?!\\s*\\z)", FLAGS);
    private static final Pattern TEXT = Pattern.compile("[\\s\\S]+?(?=[\\\\<!\\[_*`~]|https?://| *\\n|$)", FLAGS);

    private final Map<String, LinkDefinition> links;
    private final FootnoteNumbers footnotes;
    private String autoLinkText;
    private int autoLinkStop;
    private int autoLinkSeparator;

    private MarkdownInlineParser(Map<String, LinkDefinition> links, FootnoteNumbers footnotes) {
        this.links = links;
        this.footnotes = footnotes;
    }

    /** {@code footnotes} is null inside a footnote, which cannot refer to another. */
    static List<MarkdownInline> parse(String text, Map<String, LinkDefinition> links, FootnoteNumbers footnotes) {
        return new MarkdownInlineParser(links, footnotes).parse(text, false);
    }

    /** Numbers footnotes in the order the text first refers to them; only defined footnotes can be referred to. */
    static final class FootnoteNumbers {
        private final Set<String> defined;
        private final Map<String, Integer> numbers = new HashMap<>();

        FootnoteNumbers(Set<String> defined) {
            this.defined = defined;
        }

        boolean refer(String key) {
            if (!defined.contains(key) || numbers.containsKey(key)) {
                return false;
            }
            numbers.put(key, numbers.size() + 1);
            return true;
        }

        Integer numberOf(String key) {
            return numbers.get(key);
        }
    }

    private List<MarkdownInline> parse(String markdown, boolean inLink) {
        String text = stripTrailingNewlines(markdown);
        List<MarkdownInline> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int end = next(text, pos, inLink, out);
            if (end <= pos) {
                throw new IllegalStateException("Inline markdown parser made no progress at offset " + pos);
            }
            pos = end;
        }
        return out;
    }

    private int next(String text, int pos, boolean inLink, List<MarkdownInline> out) {
        Matcher m;
        AutoLink autoLink;
        if ((m = at(ESCAPE, text, pos)) != null) {
            out.add(new Text(m.group(1)));
        } else if ((m = at(INLINE_HTML, text, pos)) != null) {
            out.add(new RawHtml(m.group()));
        } else if ((autoLink = autoLink(text, pos)) != null) {
            out.add(autoLink);
            return pos + autoLink.url().length() + 2;
        } else if ((m = at(URL, text, pos)) != null) {
            out.add(inLink ? new Text(m.group(1)) : new AutoLink(m.group(1), false));
        } else if ((m = footnoteReference(text, pos)) != null) {
            return m.end(); // a reference shows nothing; the footnote it names moves to the end
        } else if ((m = at(LINK, text, pos)) != null) {
            addLink(m, m.group(2) != null ? m.group(2) : m.group(3), m.group(4), out);
        } else if ((m = definedLink(at(REFERENCE_LINK, text, pos), true)) != null
                || (m = definedLink(at(SHORT_REFERENCE_LINK, text, pos), false)) != null) {
            LinkDefinition definition = links.get(referenceKey(m, m.groupCount() == 2));
            addLink(m, definition.url(), definition.title(), out);
        } else if ((m = at(LINE_BREAK, text, pos)) != null) {
            out.add(new LineBreak());
        } else if ((m = at(TEXT, text, pos)) != null) {
            out.add(new Text(m.group()));
        } else {
            return -1;
        }
        return m.end();
    }

    /**
     * {@code <address>} with an {@code @} or {@code :} inside, as the pattern {@code <([^ >]+(@|:)[^ >]+)>}
     * would match it. Worked out by hand because the pattern rescans to the end of the text at every
     * {@code <}: the next space or {@code >} is remembered between calls instead.
     */
    private AutoLink autoLink(String text, int pos) {
        if (text.charAt(pos) != '<') {
            return null;
        }
        if (!text.equals(autoLinkText) || pos >= autoLinkStop) {
            autoLinkText = text;
            autoLinkStop = pos + 1;
            while (autoLinkStop < text.length() && text.charAt(autoLinkStop) != ' ' && text.charAt(autoLinkStop) != '>') {
                autoLinkStop++;
            }
            autoLinkSeparator = autoLinkStop - 2;
            while (autoLinkSeparator > pos && text.charAt(autoLinkSeparator) != '@' && text.charAt(autoLinkSeparator) != ':') {
                autoLinkSeparator--;
            }
        }
        boolean closed = autoLinkStop < text.length() && text.charAt(autoLinkStop) == '>';
        if (!closed || autoLinkSeparator < pos + 2) {
            return null;
        }
        return new AutoLink(text.substring(pos + 1, autoLinkStop), text.charAt(autoLinkSeparator) == '@');
    }

    private void addLink(Matcher m, String url, String title, List<MarkdownInline> out) {
        if (m.group().startsWith("!")) {
            return;
        }
        out.add(new Link(url, title, parse(m.group(1), true)));
    }

    private Matcher footnoteReference(String text, int pos) {
        Matcher m = footnotes == null ? null : at(FOOTNOTE_REFERENCE, text, pos);
        return m != null && footnotes.refer(MarkdownBlockParser.linkKey(m.group(1))) ? m : null;
    }

    private Matcher definedLink(Matcher m, boolean withReference) {
        return m != null && !links.isEmpty() && links.containsKey(referenceKey(m, withReference)) ? m : null;
    }

    private static String referenceKey(Matcher m, boolean withReference) {
        String name = withReference && !m.group(2).isEmpty() ? m.group(2) : m.group(1);
        return MarkdownBlockParser.linkKey(name);
    }

    private static Matcher at(Pattern pattern, String text, int pos) {
        Matcher m = pattern.matcher(text).region(pos, text.length());
        return m.lookingAt() ? m : null;
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }
}
