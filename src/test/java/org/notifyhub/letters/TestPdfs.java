package org.notifyhub.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Precompiled letters built directly with PDFBox, as a service's own software would make them. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** {@code pages} pages of {@code size}; page 1 has the address lines in the envelope window (none if empty). */
    public static byte[] letter(int pages, PDRectangle size, List<String> addressLines) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    if (i == 0) {
                        float top = LetterPage.ADDRESS_TOP + 12;
                        for (String line : addressLines) {
                            show(stream, font, LetterPage.ADDRESS_LEFT + 4, size.getHeight() - top, line);
                            top += 11;
                        }
                    }
                    show(stream, font, 70, size.getHeight() - 400, "Body of page " + (i + 1));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] letter(int pages, List<String> addressLines) {
        return letter(pages, PDRectangle.A4, addressLines);
    }

    private static void show(PDPageContentStream stream, PDType1Font font, float x, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, 10);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }
}
