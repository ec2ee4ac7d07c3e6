package org.notifyhub.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.notifyhub.templates.LetterBlock;

/**
 * Lays out a templated letter on A4 with PDFBox: the address in the envelope window, the contact block and date on
 * the right, the subject as a heading, then the body (headings, paragraphs, lists, page breaks) wrapped to the
 * margins, and "Page n of m" at the foot of every page. Uses the standard Helvetica fonts, so nothing is embedded;
 * a character they cannot print becomes "?".
 */
public final class TemplatedLetterPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final float PAGE_WIDTH = LetterPage.A4.getWidth();
    private static final float PAGE_HEIGHT = LetterPage.A4.getHeight();
    private static final float LEFT = LetterPage.ADDRESS_LEFT;
    private static final float RIGHT = PAGE_WIDTH - 20 * LetterPage.MM;
    private static final float TOP_OF_LATER_PAGES = 20 * LetterPage.MM;
    private static final float BOTTOM = 25 * LetterPage.MM;
    private static final float PAGE_NUMBER_BASELINE = 12 * LetterPage.MM;
    private static final float CONTACT_LEFT = 125 * LetterPage.MM;
    private static final float BODY_TOP_ON_FIRST_PAGE = 95 * LetterPage.MM;

    private static final float ADDRESS_SIZE = 9.5f;
    private static final float ADDRESS_LEADING = 10.5f;
    private static final float SMALL_SIZE = 9f;
    private static final float SMALL_LEADING = 11f;
    private static final float BODY_SIZE = 11f;
    private static final float BODY_LEADING = 14.5f;
    private static final float HEADING_SIZE = 13f;
    private static final float HEADING_LEADING = 17f;
    private static final float LIST_INDENT = 14f;
    private static final float MARKER_WIDTH = 16f;

    /** What goes on the letter; the body is already split into blocks by {@link org.notifyhub.templates.LetterMarkdown}. */
    public record Content(List<String> addressLines, String contactBlock, LocalDate date, String subject,
                          List<LetterBlock> body) {
    }

    public record Rendered(byte[] pdf, int pageCount) {
    }

    private TemplatedLetterPdf() {
    }

    public static Rendered render(Content content) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document);
            writer.firstPage(content);
            for (LetterBlock block : content.body()) {
                writer.block(block);
            }
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Rendered(out.toByteArray(), document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the letter", e);
        }
    }

    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    /** Draws onto pages top to bottom, starting a new page whenever the next line would cross the bottom margin. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        /** Distance of the next line's top from the top of the page. */
        private float cursor;
        private boolean pageHasBody;

        Writer(PDDocument document) {
            this.document = document;
        }

        void firstPage(Content content) throws IOException {
            newPage(BODY_TOP_ON_FIRST_PAGE);
            float y = LetterPage.ADDRESS_TOP + 2;
            for (String line : content.addressLines()) {
                text(regular, ADDRESS_SIZE, LEFT + LetterPage.MM, y + ADDRESS_SIZE, line);
                y += ADDRESS_LEADING;
            }
            float contactWidth = RIGHT - CONTACT_LEFT;
            y = LetterPage.ADDRESS_TOP + 2;
            List<String> contactLines = new ArrayList<>();
            if (content.contactBlock() != null && !content.contactBlock().isBlank()) {
                contactLines.addAll(wrap(content.contactBlock(), regular, SMALL_SIZE, contactWidth));
                contactLines.add("");
            }
            contactLines.add(formatDate(content.date()));
            for (String line : contactLines) {
                text(regular, SMALL_SIZE, CONTACT_LEFT, y + SMALL_SIZE, line);
                y += SMALL_LEADING;
            }
            cursor = Math.max(BODY_TOP_ON_FIRST_PAGE, y + 10 * LetterPage.MM);
            lines(bold, HEADING_SIZE, HEADING_LEADING, LEFT, wrap(content.subject(), bold, HEADING_SIZE, RIGHT - LEFT));
            cursor += 6;
        }

        void block(LetterBlock block) throws IOException {
            if (block instanceof LetterBlock.Heading heading) {
                cursor += 6;
                lines(bold, HEADING_SIZE, HEADING_LEADING, LEFT, wrap(heading.text(), bold, HEADING_SIZE, RIGHT - LEFT));
                cursor += 3;
            } else if (block instanceof LetterBlock.Paragraph paragraph) {
                float left = LEFT + paragraph.depth() * (LIST_INDENT + MARKER_WIDTH);
                lines(regular, BODY_SIZE, BODY_LEADING, left, wrap(paragraph.text(), regular, BODY_SIZE, RIGHT - left));
                cursor += 7;
            } else if (block instanceof LetterBlock.ListItem item) {
                float markerLeft = LEFT + item.depth() * (LIST_INDENT + MARKER_WIDTH) + LIST_INDENT;
                float textLeft = markerLeft + MARKER_WIDTH;
                List<String> wrapped = wrap(item.text(), regular, BODY_SIZE, RIGHT - textLeft);
                ensureRoom(BODY_LEADING);
                text(regular, BODY_SIZE, markerLeft, cursor + BODY_SIZE, item.marker());
                lines(regular, BODY_SIZE, BODY_LEADING, textLeft, wrapped);
                cursor += 3;
            } else if (block instanceof LetterBlock.PageBreak && pageHasBody) {
                newPage(TOP_OF_LATER_PAGES);
            }
        }

        void finish() throws IOException {
            stream.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = "Page " + (i + 1) + " of " + pages;
                    float width = regular.getStringWidth(label) / 1000 * SMALL_SIZE;
                    footer.beginText();
                    footer.setFont(regular, SMALL_SIZE);
                    footer.newLineAtOffset((PAGE_WIDTH - width) / 2, PAGE_NUMBER_BASELINE);
                    footer.showText(label);
                    footer.endText();
                }
            }
        }

        private void lines(PDType1Font font, float size, float leading, float left, List<String> lines) throws IOException {
            for (String line : lines) {
                ensureRoom(leading);
                text(font, size, left, cursor + size, line);
                cursor += leading;
                pageHasBody = true;
            }
        }

        private void ensureRoom(float leading) throws IOException {
            if (cursor + leading > PAGE_HEIGHT - BOTTOM) {
                newPage(TOP_OF_LATER_PAGES);
            }
        }

        private void newPage(float top) throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(LetterPage.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            cursor = top;
            pageHasBody = false;
        }

        /** Draws one line with its baseline {@code baselineFromTop} below the top of the page. */
        private void text(PDType1Font font, float size, float left, float baselineFromTop, String line) throws IOException {
            if (line.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(left, PAGE_HEIGHT - baselineFromTop);
            stream.showText(printable(line, font));
            stream.endText();
        }
    }

    /** Splits text into lines no wider than {@code width}: at the author's line breaks, then between words. */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        float space = width(" ", font, size);
        for (String paragraphLine : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraphLine.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = width(word, font, size);
                if (line.isEmpty() ? wordWidth <= width : lineWidth + space + wordWidth <= width) {
                    lineWidth += line.isEmpty() ? wordWidth : space + wordWidth;
                    line.append(line.isEmpty() ? "" : " ").append(word);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word wider than the line is broken wherever it has to be
                String rest = word;
                while (width(rest, font, size) > width) {
                    int fit = 1;
                    while (fit < rest.length() && width(rest.substring(0, fit + 1), font, size) <= width) {
                        fit++;
                    }
                    lines.add(rest.substring(0, fit));
                    rest = rest.substring(fit);
                }
                line.append(rest);
                lineWidth = width(rest, font, size);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Replaces what the font cannot show (other scripts, emoji, control characters) with "?" or a space. */
    static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x00a0) {
                out.append(' ');
            } else if (canShow(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDType1Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
