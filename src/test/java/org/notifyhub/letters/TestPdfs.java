package org.notifyhub.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
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

    /**
     * The same letter encrypted with only an owner password: any reader opens it (the user password is empty), but
     * it is encrypted all the same.
     */
    public static byte[] ownerPasswordOnly(byte[] letter) {
        try (PDDocument document = Loader.loadPDF(letter)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The letter with one more page whose content stream is {@code zeros} zero bytes, FlateDecode-compressed: a few
     * hundred KB of file that inflates to hundreds of MB. The zeros are streamed through a Deflater, so building it
     * holds only the compressed bytes.
     */
    public static byte[] withInflatingPage(byte[] letter, long zeros) {
        return withInflatingPage(letter, zeros, 1);
    }

    /** As {@link #withInflatingPage(byte[], long)}, the zeros deflated {@code layers} times (/Filter [/FlateDecode …]). */
    public static byte[] withInflatingPage(byte[] letter, long zeros, int layers) {
        try (PDDocument document = Loader.loadPDF(letter)) {
            byte[] data = deflatedZeros(zeros);
            for (int i = 1; i < layers; i++) {
                data = deflated(data);
            }
            COSArray filters = new COSArray();
            for (int i = 0; i < layers; i++) {
                filters.add(COSName.FLATE_DECODE);
            }
            COSStream bomb = document.getDocument().createCOSStream();
            bomb.setItem(COSName.FILTER, layers == 1 ? COSName.FLATE_DECODE : filters);
            try (OutputStream raw = bomb.createRawOutputStream()) {
                raw.write(data);
            }
            PDPage page = new PDPage(PDRectangle.A4);
            page.setContents(new PDStream(bomb));
            document.addPage(page);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflatedZeros(long zeros) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, chunk.length)) {
            for (long left = zeros; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static byte[] deflated(byte[] data) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
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
