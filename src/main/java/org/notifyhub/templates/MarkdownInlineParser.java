package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    private static final int MAX_LINK_NESTING = 32;
    private static final String ATTRIBUTE = "\\s*[a-zA-Z\\-](?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s'\">]+))?";

    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*{}\\[\\]()#+\\-.!_>~|])", FLAGS);
    private static final Pattern INLINE_HTML = Pattern.compile("(?:<!--[\\s\\S]*?-->"
            + "|<(\\w+(?!:/|[^\\w\\s@]*@)\\b)((?:" + ATTRIBUTE + ")*?)\\s*>([\\s\\S]*?)</\\1>"
            + "|<\\w+(?!:/|[^\\w\\s@]*@)\\b(?:" + ATTRIBUTE + ")*?\\s*/?>)", FLAGS);
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^([^\\]]+)\\]", FLAGS);
    private static final Pattern URL = Pattern.compile("(https?://[^\\s<]+[^<.,:\"')\\]\\s])", FLAGS);
    private static final Pattern LINK_DESTINATION = Pattern.compile(
            "\\(\\s*(?:<([\\s\\S]*?)>|([\\s\\S]*?))(?:\\s+['\"]([\\s\\S]*?)['\"])?\\s*\\)", FLAGS);
    private static final Pattern LINK_REFERENCE = Pattern.compile("\\s*\\[([^^\\]]*)\\]", FLAGS);
    private static final Pattern LINE_BREAK = Pattern.compile(" *\\n(?!\\s*\\z)", FLAGS);

    private final String text;
    private final Context context;
    private final Map<String, LinkDefinition> links;
    private final FootnoteNumbers footnotes;
    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
    private int autoLinkStop = -1;
    private int autoLinkSeparator;

    private MarkdownInlineParser(String text, Context context) {
        this.text = stripTrailingNewlines(text);
        this.context = context;
        this.links = context.links;
        this.footnotes = context.footnotes;
    }

    /** {@code footnotes} is null inside a footnote, which cannot refer to another. */
    static List<MarkdownInline> parse(String text, Map<String, LinkDefinition> links, FootnoteNumbers footnotes) {
        return new MarkdownInlineParser(text, new Context(links, footnotes)).parse();
    }

    /**
     * State shared with the parsers of link text. Whether a bare address becomes a link depends on one flag, as in
     * Notify's markdown library: set while link text is parsed and cleared after any link, even a nested one.
     */
    private static final class Context {
        private final Map<String, LinkDefinition> links;
        private final FootnoteNumbers footnotes;
        private boolean inLink;
        private int linkNesting;

        private Context(Map<String, LinkDefinition> links, FootnoteNumbers footnotes) {
            this.links = links;
            this.footnotes = footnotes;
        }
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

    private List<MarkdownInline> parse() {
        List<MarkdownInline> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int end = next(pos, out);
            if (end <= pos) {
                throw new IllegalStateException("Inline markdown parser made no progress at offset " + pos);
            }
            pos = end;
        }
        return out;
    }

    private int next(int pos, List<MarkdownInline> out) {
        Matcher m;
        AutoLink autoLink;
        BracketedLink link;
        if ((m = at(ESCAPE, pos)) != null) {
            out.add(new Text(m.group(1)));
        } else if ((m = at(INLINE_HTML, pos)) != null) {
            out.add(new RawHtml(m.group()));
        } else if ((autoLink = autoLink(pos)) != null) {
            out.add(autoLink);
            return pos + autoLink.url().length() + 2;
        } else if ((m = at(URL, pos)) != null) {
            out.add(context.inLink ? new Text(m.group(1)) : new AutoLink(m.group(1), false));
        } else if ((m = footnoteReference(pos)) != null) {
            return m.end(); // a reference shows nothing; the footnote it names moves to the end
        } else if ((link = bracketedLink(pos)) != null) {
            if (!link.image()) {
                out.add(new Link(link.url(), link.title(), linkText(link.text())));
            }
            return link.end();
        } else if ((m = at(LINE_BREAK, pos)) != null) {
            out.add(new LineBreak());
        } else {
            int end = textEnd(pos);
            out.add(new Text(text.substring(pos, end)));
            return end;
        }
        return m.end();
    }

    private List<MarkdownInline> linkText(String linkText) {
        // Notify's parser gives up (with an error) on links nested a few hundred deep; this stops well before the stack
        if (context.linkNesting >= MAX_LINK_NESTING) {
            return List.of(new Text(linkText));
        }
        context.inLink = true;
        context.linkNesting++;
        try {
            return new MarkdownInlineParser(linkText, context).parse();
        } finally {
            context.linkNesting--;
            context.inLink = false;
        }
    }

    /**
     * Where a run of plain text starting at {@code pos} ends: at least one character on, before the next
     * character another rule could start with, a link, or spaces ending a line.
     */
    private int textEnd(int pos) {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ("\\<![_*`~\n".indexOf(c) >= 0 || text.startsWith("http://", i) || text.startsWith("https://", i)) {
                return i;
            }
            if (c == ' ') {
                int spacesEnd = i;
                while (spacesEnd < text.length() && text.charAt(spacesEnd) == ' ') {
                    spacesEnd++;
                }
                if (spacesEnd < text.length() && text.charAt(spacesEnd) == '\n') {
                    return i;
                }
                i = spacesEnd;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /**
     * {@code <address>} with an {@code @} or {@code :} inside, as the pattern {@code <([^ >]+(@|:)[^ >]+)>}
     * would match it. Worked out by hand because the pattern rescans to the end of the text at every
     * {@code <}: the next space or {@code >} is remembered between calls instead.
     */
    private AutoLink autoLink(int pos) {
        if (text.charAt(pos) != '<') {
            return null;
        }
        if (pos >= autoLinkStop) {
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

    private Matcher footnoteReference(int pos) {
        Matcher m = footnotes == null ? null : at(FOOTNOTE_REFERENCE, pos);
        return m != null && footnotes.refer(MarkdownBlockParser.linkKey(m.group(1))) ? m : null;
    }

    /** {@code [text](url "title")}, {@code [text][name]} or {@code [name]}, each maybe an image ({@code !}). */
    private record BracketedLink(int end, String text, String url, String title, boolean image) {
    }

    private BracketedLink bracketedLink(int pos) {
        boolean image = text.charAt(pos) == '!';
        int open = image ? pos + 1 : pos;
        if (open >= text.length() || text.charAt(open) != '[') {
            return null;
        }
        List<Integer> textEnds = linkTextEnds(open + 1);
        // the markdown library tries the longest link text first
        for (int i = textEnds.size() - 1; i >= 0; i--) {
            int close = textEnds.get(i);
            if (close < text.length() && text.charAt(close) == ']') {
                Matcher destination = at(LINK_DESTINATION, close + 1);
                if (destination != null) {
                    String url = destination.group(1) != null ? destination.group(1) : destination.group(2);
                    return new BracketedLink(destination.end(), text.substring(open + 1, close), url,
                            destination.group(3), image);
                }
            }
        }
        if (links.isEmpty()) {
            return null;
        }
        for (int i = textEnds.size() - 1; i >= 0; i--) {
            int close = textEnds.get(i);
            if (close < text.length() && text.charAt(close) == ']') {
                Matcher reference = at(LINK_REFERENCE, close + 1);
                if (reference != null) {
                    String name = reference.group(1).isEmpty() ? text.substring(open + 1, close) : reference.group(1);
                    LinkDefinition definition = links.get(MarkdownBlockParser.linkKey(name));
                    if (definition == null) {
                        break;
                    }
                    return new BracketedLink(reference.end(), text.substring(open + 1, close), definition.url(),
                            definition.title(), image);
                }
            }
        }
        int close = shortReferenceTextEnd(open + 1);
        LinkDefinition definition = close < 0 ? null : links.get(MarkdownBlockParser.linkKey(text.substring(open + 1, close)));
        return definition == null ? null
                : new BracketedLink(close + 1, text.substring(open + 1, close), definition.url(), definition.title(), image);
    }

    /**
     * Every place link text starting at {@code from} could end, shortest first. Link text is runs of ordinary
     * characters, {@code [bracketed]} parts, and {@code ]} characters that another {@code ]} follows before any
     * {@code [}. Scanned by hand: as a regex it recurses once per part and long text exhausts the stack.
     */
    private List<Integer> linkTextEnds(int from) {
        List<Integer> ends = new ArrayList<>();
        ends.add(from);
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != ']' && text.charAt(j) != '^') {
                    j++;
                }
                if (j >= text.length() || text.charAt(j) != ']') {
                    break;
                }
                i = j + 1;
            } else if (c == ']') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '[' && text.charAt(j) != ']') {
                    j++;
                }
                if (j >= text.length() || text.charAt(j) != ']') {
                    break;
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != '[' && text.charAt(i) != ']') {
                    i++;
                }
            }
            ends.add(i);
        }
        return ends;
    }

    /** Where the name in {@code [name]} ends, or -1: ordinary characters and {@code [bracketed]} parts only. */
    private int shortReferenceTextEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != ']') {
            if (text.charAt(i) == '[') {
                int close = text.indexOf(']', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return i < text.length() ? i : -1;
    }

    private Matcher at(Pattern pattern, int pos) {
        Matcher m = matchers.computeIfAbsent(pattern, p -> p.matcher(text)).region(pos, text.length());
        return MarkdownBlockParser.lookingAt(m) ? m : null;
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }
}
