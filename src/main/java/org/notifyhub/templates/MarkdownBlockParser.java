package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;
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

/**
 * Splits Notify-flavoured markdown into blocks. Notify uses mistune 0.8 with its own list and inset-text
 * grammar; this parser follows those rules line by line, quirks included, because templates are written
 * against what Notify shows: bullets need no space after them ({@code *one}), {@code •} is a bullet, {@code +}
 * is not, {@code ^} starts inset text, and a line underlined with {@code ---} is a heading, not a rule.
 */
final class MarkdownBlockParser {

    private static final int MAX_NESTING = 6;
    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern HEADING_LINE = Pattern.compile(" *(#{1,6}) *(.+?) *#* *", FLAGS);
    private static final Pattern FENCE_OPENING = Pattern.compile(" *(`{3,}|~{3,}) *([^`\\s]+)? *", FLAGS);
    private static final Pattern INSET_LINE = Pattern.compile(" *\\^.+", FLAGS);
    private static final Pattern INSET_MARKER = Pattern.compile("^ *\\^ ?", FLAGS | Pattern.MULTILINE);
    private static final Pattern CODE_INDENT = Pattern.compile("^ {4}", FLAGS | Pattern.MULTILINE);
    private static final Pattern LIST_BULLET = Pattern.compile("( *)([•*-]|\\d+\\.)", FLAGS);
    private static final Pattern BULLET_THEN_SPACE = Pattern.compile("(?:[•*-]|\\d+\\.) ", FLAGS);
    private static final Pattern LOOSE_ITEM = Pattern.compile("\n\n(?!\\s*\\z)", FLAGS);
    private static final Pattern PIPE_TABLE_HEADER = Pattern.compile(" *\\S.*\\|.*", FLAGS);
    private static final Pattern PIPE_TABLE_ALIGNMENT = Pattern.compile(" *[-:]+ *\\|[-| :]*", FLAGS);
    private static final Pattern PIPE_TABLE_ROW = Pattern.compile(".*\\|.*", FLAGS);
    private static final Pattern TABLE_HEADER = Pattern.compile(" *\\|.+", FLAGS);
    private static final Pattern TABLE_ALIGNMENT = Pattern.compile(" *\\| *[-:]+[-| :]*", FLAGS);
    private static final Pattern TABLE_ROW = Pattern.compile(" *\\|.*", FLAGS);
    private static final Pattern LINK_DEFINITION = Pattern.compile(
            " *\\[([^^\\]]+)\\]: *<?([^\\s>]+)>?(?: +[\"(]([^\\n]+)[\")])? *(?:\\n+|$)", FLAGS);
    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("\\[\\^([^\\]]+)\\]: *", FLAGS);
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", FLAGS);

    // What ends a paragraph is decided by standard mistune's grammar, not Notify's: a quote is '>' and a list
    // bullet is '*', '+' or '-' followed by a space.
    private static final Pattern STANDARD_LIST_START = Pattern.compile(" *(?=[*+-]|\\d+\\.)[*+-]?(?:\\d+\\.)? ", FLAGS);
    private static final Pattern STANDARD_QUOTE_LINE = Pattern.compile(" *>.+", FLAGS);
    private static final String BLOCK_TAG_NAME = "(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time"
            + "|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img|font)\\b)\\w+"
            + "(?!:/|[^\\w\\s@]*@)\\b";
    private static final String ATTRIBUTE = "\\s*[a-zA-Z\\-](?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s'\">]+))?";
    private static final Pattern BLOCK_TAG = Pattern.compile("<" + BLOCK_TAG_NAME, FLAGS);
    private static final Pattern HTML_BLOCK = Pattern.compile(" *(?:<!--[\\s\\S]*?-->"
            + "|<(" + BLOCK_TAG_NAME + ")((?:" + ATTRIBUTE + ")*?)>([\\s\\S]*?)</\\1>"
            + "|<" + BLOCK_TAG_NAME + "(?:" + ATTRIBUTE + ")*?\\s*/?>) *(?:\\n{2,}|\\s*$)", FLAGS);

    private enum Rule {
        BLANK_LINES, RULE, INDENTED_CODE, FENCED_CODE, HEADING, PIPE_TABLE, UNDERLINED_HEADING, INSET_TEXT,
        LIST, HTML, LINK_DEFINITION, FOOTNOTE, TABLE, PARAGRAPH, TEXT
    }

    private static final List<Rule> TOP_LEVEL_RULES = List.of(Rule.BLANK_LINES, Rule.RULE, Rule.INDENTED_CODE,
            Rule.FENCED_CODE, Rule.HEADING, Rule.PIPE_TABLE, Rule.UNDERLINED_HEADING, Rule.INSET_TEXT, Rule.LIST,
            Rule.HTML, Rule.LINK_DEFINITION, Rule.FOOTNOTE, Rule.TABLE, Rule.PARAGRAPH, Rule.TEXT);
    private static final List<Rule> LIST_ITEM_RULES = List.of(Rule.BLANK_LINES, Rule.INDENTED_CODE,
            Rule.FENCED_CODE, Rule.UNDERLINED_HEADING, Rule.RULE, Rule.INSET_TEXT, Rule.LIST, Rule.HTML, Rule.TEXT);
    private static final List<Rule> FOOTNOTE_RULES = List.of(Rule.BLANK_LINES, Rule.INDENTED_CODE,
            Rule.FENCED_CODE, Rule.HEADING, Rule.PIPE_TABLE, Rule.UNDERLINED_HEADING, Rule.RULE, Rule.INSET_TEXT,
            Rule.LIST, Rule.HTML, Rule.TABLE, Rule.PARAGRAPH, Rule.TEXT);

    private final Map<String, LinkDefinition> links = new HashMap<>();
    private final Set<String> footnotes = new HashSet<>();
    private int listNesting;
    private int insetNesting;

    private MarkdownBlockParser() {
    }

    static MarkdownDocument parse(String markdown) {
        MarkdownBlockParser parser = new MarkdownBlockParser();
        List<MarkdownBlock> blocks = parser.parse(preprocess(markdown), TOP_LEVEL_RULES);
        return new MarkdownDocument(blocks, Map.copyOf(parser.links), Set.copyOf(parser.footnotes));
    }

    /** Unix line endings, tabs expanded to 4-column stops, lines of only spaces emptied. */
    static String preprocess(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder expanded = new StringBuilder(text.length());
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                int spaces = 4 - column % 4;
                expanded.append(" ".repeat(spaces));
                column += spaces;
            } else {
                expanded.append(c);
                // columns count characters, not UTF-16 units, as Python does
                column = c == '\n' ? 0 : Character.isLowSurrogate(c) ? column : column + 1;
            }
        }
        text = expanded.toString().replace('\u2424', '\n');
        return Pattern.compile("^ +$", Pattern.MULTILINE | Pattern.UNIX_LINES).matcher(text).replaceAll("");
    }

    private List<MarkdownBlock> parse(String markdown, List<Rule> rules) {
        String text = stripTrailingNewlines(markdown);
        List<MarkdownBlock> blocks = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int end = -1;
            for (Rule rule : rules) {
                end = apply(rule, text, pos, blocks);
                if (end >= 0) {
                    break;
                }
            }
            if (end <= pos) {
                throw new IllegalStateException("Markdown parser made no progress at offset " + pos);
            }
            pos = end;
        }
        return blocks;
    }

    private int apply(Rule rule, String text, int pos, List<MarkdownBlock> blocks) {
        return switch (rule) {
            case BLANK_LINES -> blankLines(text, pos, blocks);
            case RULE -> horizontalRule(text, pos, blocks);
            case INDENTED_CODE -> indentedCode(text, pos, blocks);
            case FENCED_CODE -> fencedCode(text, pos, blocks);
            case HEADING -> heading(text, pos, blocks);
            case PIPE_TABLE -> table(text, pos, PIPE_TABLE_HEADER, PIPE_TABLE_ALIGNMENT, PIPE_TABLE_ROW);
            case UNDERLINED_HEADING -> underlinedHeading(text, pos, blocks);
            case INSET_TEXT -> insetText(text, pos, blocks);
            case LIST -> list(text, pos, blocks);
            case HTML -> html(text, pos, blocks);
            case LINK_DEFINITION -> linkDefinition(text, pos);
            case FOOTNOTE -> footnote(text, pos, blocks);
            case TABLE -> table(text, pos, TABLE_HEADER, TABLE_ALIGNMENT, TABLE_ROW);
            case PARAGRAPH -> paragraph(text, pos, blocks);
            case TEXT -> textLine(text, pos, blocks);
        };
    }

    private static int blankLines(String text, int pos, List<MarkdownBlock> blocks) {
        int end = skipNewlines(text, pos);
        if (end - pos > 1) {
            blocks.add(new BlankLines());
        }
        return end == pos ? -1 : end;
    }

    private static int horizontalRule(String text, int pos, List<MarkdownBlock> blocks) {
        int lineEnd = lineEnd(text, pos);
        if (!isRuleLine(text, pos, lineEnd)) {
            return -1;
        }
        blocks.add(new HorizontalRule());
        return skipNewlines(text, lineEnd);
    }

    private static int indentedCode(String text, int pos, List<MarkdownBlock> blocks) {
        int end = pos;
        while (end < text.length() && text.startsWith("    ", end) && lineEnd(text, end) > end + 4) {
            end = skipNewlines(text, lineEnd(text, end));
        }
        if (end == pos) {
            return -1;
        }
        blocks.add(new Code(CODE_INDENT.matcher(text.substring(pos, end)).replaceAll("")));
        return end;
    }

    private static int fencedCode(String text, int pos, List<MarkdownBlock> blocks) {
        int[] code = fencedCodeAt(text, pos);
        if (code == null) {
            return -1;
        }
        blocks.add(new Code(text.substring(code[0], code[1])));
        return code[2];
    }

    /** Start and end of the code, and the end of the block, or null when no fenced block starts here. */
    private static int[] fencedCodeAt(String text, int pos) {
        int lineEnd = lineEnd(text, pos);
        if (lineEnd >= text.length()) {
            return null;
        }
        Matcher opening = FENCE_OPENING.matcher(text).region(pos, lineEnd);
        if (!opening.matches()) {
            return null;
        }
        String fence = opening.group(1);
        int codeStart = lineEnd + 1;
        for (int close = text.indexOf(fence, codeStart + 1); close >= 0; close = text.indexOf(fence, close + 1)) {
            int after = close + fence.length();
            while (after < text.length() && text.charAt(after) == ' ') {
                after++;
            }
            if (after < text.length() && text.charAt(after) != '\n') {
                continue;
            }
            // the code ends where the whitespace before the closing fence begins
            int codeEnd = close;
            while (codeEnd > codeStart + 1 && Whitespace.isSpace(text.charAt(codeEnd - 1))) {
                codeEnd--;
            }
            return new int[] {codeStart, codeEnd, skipNewlines(text, after)};
        }
        return null;
    }

    private static int heading(String text, int pos, List<MarkdownBlock> blocks) {
        int lineEnd = lineEnd(text, pos);
        Matcher m = HEADING_LINE.matcher(text).region(pos, lineEnd);
        if (!m.matches()) {
            return -1;
        }
        blocks.add(new Heading(m.group(1).length(), m.group(2)));
        return skipNewlines(text, lineEnd);
    }

    private static int underlinedHeading(String text, int pos, List<MarkdownBlock> blocks) {
        int lineEnd = lineEnd(text, pos);
        if (lineEnd == pos || lineEnd >= text.length()) {
            return -1;
        }
        int underlineEnd = lineEnd(text, lineEnd + 1);
        char underline = underlineCharacter(text, lineEnd + 1, underlineEnd);
        if (underline == 0) {
            return -1;
        }
        blocks.add(new Heading(underline == '=' ? 1 : 2, text.substring(pos, lineEnd)));
        return skipNewlines(text, underlineEnd);
    }

    /** Tables are not part of Notify's markdown: they are recognised only to be dropped. */
    private static int table(String text, int pos, Pattern header, Pattern alignment, Pattern row) {
        int headerEnd = lineEnd(text, pos);
        if (headerEnd >= text.length() || !matchesLine(header, text, pos, headerEnd)) {
            return -1;
        }
        int alignmentEnd = lineEnd(text, headerEnd + 1);
        if (alignmentEnd >= text.length() || !matchesLine(alignment, text, headerEnd + 1, alignmentEnd)) {
            return -1;
        }
        int end = alignmentEnd + 1;
        while (end < text.length() && matchesLine(row, text, end, lineEnd(text, end))) {
            end = Math.min(lineEnd(text, end) + 1, text.length());
        }
        return skipNewlines(text, end);
    }

    private int insetText(String text, int pos, List<MarkdownBlock> blocks) {
        int end = pos;
        while (end < text.length() && matchesLine(INSET_LINE, text, end, lineEnd(text, end))) {
            int lineEnd = lineEnd(text, end);
            while (lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) != '\n') {
                lineEnd = lineEnd(text, lineEnd + 1);
            }
            end = skipNewlines(text, lineEnd);
        }
        if (end == pos) {
            return -1;
        }
        String inset = text.substring(pos, end);
        insetNesting++;
        try {
            blocks.add(new InsetText(insetNesting > MAX_NESTING
                    ? List.of(new TextLines(inset))
                    : parse(INSET_MARKER.matcher(inset).replaceAll(""), TOP_LEVEL_RULES)));
        } finally {
            insetNesting--;
        }
        return end;
    }

    private int list(String text, int pos, List<MarkdownBlock> blocks) {
        Matcher bullet = LIST_BULLET.matcher(text).region(pos, lineEnd(text, pos));
        if (!bullet.lookingAt() || bullet.end() >= text.length()) {
            return -1;
        }
        String indent = bullet.group(1);
        int end = listEnd(text, bullet.end() + 1, indent);
        String list = text.substring(pos, end);
        boolean ordered = bullet.group(2).contains(".");
        listNesting++;
        try {
            blocks.add(new BulletList(ordered, listNesting > MAX_NESTING
                    ? List.of(new Item(false, List.of(new TextLines(list))))
                    : items(list)));
        } finally {
            listNesting--;
        }
        return end;
    }

    /**
     * Where a list that started before {@code from} ends: at blank lines not followed by an indented line or
     * another bullet of the same list, before a horizontal rule or link definition, or at the end of the text.
     */
    private static int listEnd(String text, int from, String indent) {
        int lastNonSpace = text.length() - 1;
        while (lastNonSpace >= 0 && Whitespace.isSpace(text.charAt(lastNonSpace))) {
            lastNonSpace--;
        }
        int onlySpaceFollows = Math.max(from, lastNonSpace + 1);
        int p = from;
        while (true) {
            if (p < text.length() && text.charAt(p) == '\n') {
                int end = listEndsAtNewlines(text, p, indent);
                if (end >= 0) {
                    return end;
                }
            }
            if (p >= onlySpaceFollows) {
                return text.length();
            }
            int nextNewline = text.indexOf('\n', p + 1);
            p = nextNewline < 0 || nextNewline > onlySpaceFollows ? onlySpaceFollows : nextNewline;
        }
    }

    private static int listEndsAtNewlines(String text, int p, String indent) {
        int afterNewlines = skipNewlines(text, p);
        int newlines = afterNewlines - p;
        if ((text.startsWith(indent, afterNewlines) && ruleMarkersAt(text, afterNewlines + indent.length()))
                || ruleMarkersAt(text, afterNewlines)
                || LINK_DEFINITION.matcher(text).region(afterNewlines, text.length()).lookingAt()
                || FOOTNOTE_DEFINITION.matcher(text).region(afterNewlines, text.length()).lookingAt()) {
            return afterNewlines;
        }
        if (newlines >= 3) {
            return afterNewlines;
        }
        if (newlines == 2 && (afterNewlines == text.length()
                || (text.charAt(afterNewlines) != ' ' && !startsWithBullet(text, afterNewlines, indent, true)))) {
            return afterNewlines;
        }
        return -1;
    }

    /** Three or more of -, * or _, maybe spaced out, after at most three spaces. */
    private static boolean isRuleLine(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        int markers = 0;
        while (i < end && "-*_".indexOf(text.charAt(i)) >= 0) {
            markers++;
            i++;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
        }
        return markers >= 3 && i == end;
    }

    /** The last character of a line of = and - (a heading underline), or 0 if the line is not one. */
    private static char underlineCharacter(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        char last = 0;
        while (i < end && (text.charAt(i) == '=' || text.charAt(i) == '-')) {
            last = text.charAt(i++);
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i == end ? last : 0;
    }

    private static boolean ruleMarkersAt(String text, int pos) {
        int markers = 0;
        int i = pos;
        while (i < text.length() && "-*_".indexOf(text.charAt(i)) >= 0) {
            markers++;
            i++;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        return markers >= 3 && (i == text.length() || text.charAt(i) == '\n');
    }

    private static boolean startsWithBullet(String text, int pos, String indent, boolean spaceAfter) {
        if (!text.startsWith(indent, pos)) {
            return false;
        }
        int at = pos + indent.length();
        if (spaceAfter) {
            return BULLET_THEN_SPACE.matcher(text).region(at, text.length()).lookingAt();
        }
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if (c == '•' || c == '*' || c == '-') {
            return true;
        }
        int i = at;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > at && i < text.length() && text.charAt(i) == '.';
    }

    private List<Item> items(String list) {
        List<String> raw = new ArrayList<>();
        int start = 0;
        while (start < list.length()) {
            Matcher bullet = LIST_BULLET.matcher(list).region(start, lineEnd(list, start));
            String indent = bullet.lookingAt() ? bullet.group(1) : "";
            int end = lineEnd(list, start);
            while (end < list.length() && !startsWithBullet(list, end + 1, indent, false)) {
                end = lineEnd(list, end + 1);
            }
            raw.add(list.substring(start, end));
            start = end + 1;
        }

        List<Item> items = new ArrayList<>();
        boolean nextIsLoose = false;
        for (int i = 0; i < raw.size(); i++) {
            String item = raw.get(i);
            String content = LIST_BULLET.matcher(item).replaceFirst("");
            if (content.contains("\n ")) {
                int bulletWidth = item.length() - content.length();
                content = Pattern.compile("^ {1," + bulletWidth + "}", Pattern.MULTILINE | Pattern.UNIX_LINES)
                        .matcher(content).replaceAll("");
            }
            boolean loose = nextIsLoose || LOOSE_ITEM.matcher(content).find();
            if (i != raw.size() - 1 && !content.isEmpty()) {
                nextIsLoose = content.endsWith("\n");
                loose = loose || nextIsLoose;
            }
            items.add(new Item(loose, parse(content, LIST_ITEM_RULES)));
        }
        return items;
    }

    private static int html(String text, int pos, List<MarkdownBlock> blocks) {
        Matcher m = HTML_BLOCK.matcher(text).region(pos, text.length());
        if (!lookingAt(m)) {
            return -1;
        }
        // the markdown library rebuilds the element from its parts, dropping the space around it
        blocks.add(new Html(m.group(1) == null
                ? text.substring(pos, m.end())
                : "<" + m.group(1) + m.group(2) + ">" + m.group(3) + "</" + m.group(1) + ">"));
        return m.end();
    }

    private int footnote(String text, int pos, List<MarkdownBlock> blocks) {
        Matcher m = FOOTNOTE_DEFINITION.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            return -1;
        }
        // the first line, then any lines indented under it, blank lines between them included
        int end = skipNewlines(text, lineEnd(text, m.end()));
        while (end < text.length() && text.charAt(end) == ' ') {
            end = skipNewlines(text, lineEnd(text, end));
        }
        String key = linkKey(m.group(1));
        if (footnotes.add(key)) {
            blocks.add(new Footnote(key, parse(outdentFootnote(text.substring(m.end(), end)), FOOTNOTE_RULES)));
        }
        return end;
    }

    /** Continuation lines of a footnote lose the indent of the least-indented one. */
    private static String outdentFootnote(String footnote) {
        if (!footnote.contains("\n")) {
            return footnote;
        }
        String[] lines = footnote.split("\n", -1);
        int indent = 0;
        for (int i = 1; i < lines.length; i++) {
            int spaces = lines[i].length() - Whitespace.lstrip(lines[i]).length();
            if (spaces > 0 && (indent == 0 || spaces < indent)) {
                indent = spaces;
            }
        }
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i].substring(Math.min(indent, lines[i].length())));
        }
        return out.toString();
    }

    private int linkDefinition(String text, int pos) {
        Matcher m = LINK_DEFINITION.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            return -1;
        }
        links.put(linkKey(m.group(1)), new LinkDefinition(m.group(2), m.group(3)));
        return m.end();
    }

    /** Link names match ignoring case and runs of whitespace. */
    static String linkKey(String name) {
        String escaped = HtmlEntities.escapeText(name.toLowerCase(Locale.ROOT))
                .replace("\"", "&quot;").replace("'", "&#39;");
        return WHITESPACE_RUN.matcher(escaped).replaceAll(" ");
    }

    private static int paragraph(String text, int pos, List<MarkdownBlock> blocks) {
        int end = lineEnd(text, pos);
        if (end == pos) {
            return -1;
        }
        while (end + 1 < text.length() && text.charAt(end + 1) != '\n' && !endsParagraph(text, end + 1)) {
            end = lineEnd(text, end + 1);
        }
        blocks.add(new Paragraph(text.substring(pos, end)));
        return skipNewlines(text, end);
    }

    private static boolean endsParagraph(String text, int pos) {
        int lineEnd = lineEnd(text, pos);
        return fencedCodeAt(text, pos) != null
                || standardListStartsAt(text, pos, lineEnd)
                || isRuleLine(text, pos, lineEnd)
                || matchesLine(HEADING_LINE, text, pos, lineEnd)
                || underlinedHeadingAt(text, pos)
                || matchesLine(STANDARD_QUOTE_LINE, text, pos, lineEnd)
                || LINK_DEFINITION.matcher(text).region(pos, text.length()).lookingAt()
                || FOOTNOTE_DEFINITION.matcher(text).region(pos, text.length()).lookingAt()
                || BLOCK_TAG.matcher(text).region(pos, text.length()).lookingAt();
    }

    private static boolean standardListStartsAt(String text, int pos, int lineEnd) {
        Matcher m = STANDARD_LIST_START.matcher(text).region(pos, lineEnd);
        return m.lookingAt() && m.end() < text.length();
    }

    private static boolean underlinedHeadingAt(String text, int pos) {
        int lineEnd = lineEnd(text, pos);
        if (lineEnd == pos || lineEnd >= text.length()) {
            return false;
        }
        return underlineCharacter(text, lineEnd + 1, lineEnd(text, lineEnd + 1)) != 0;
    }

    private static int textLine(String text, int pos, List<MarkdownBlock> blocks) {
        int end = lineEnd(text, pos);
        if (end == pos) {
            return -1;
        }
        String line = text.substring(pos, end);
        int last = blocks.size() - 1;
        if (last >= 0 && blocks.get(last) instanceof TextLines previous) {
            blocks.set(last, new TextLines(previous.text() + "\n" + line));
        } else {
            blocks.add(new TextLines(line));
        }
        return end;
    }

    /**
     * Java's regex engine recurses once per repetition of a group, so a tag with thousands of attributes could
     * exhaust the stack; such a tag is treated as text rather than failing the whole message.
     */
    static boolean lookingAt(Matcher m) {
        try {
            return m.lookingAt();
        } catch (StackOverflowError e) {
            return false;
        }
    }

    private static boolean matchesLine(Pattern pattern, String text, int start, int end) {
        return pattern.matcher(text).region(start, end).matches();
    }

    private static int lineEnd(String text, int pos) {
        int newline = text.indexOf('\n', pos);
        return newline < 0 ? text.length() : newline;
    }

    private static int skipNewlines(String text, int pos) {
        int end = pos;
        while (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }
}
