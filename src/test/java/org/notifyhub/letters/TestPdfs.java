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

    /**
     * A one-page letter written by hand whose catalogue sits in an object stream followed by {@code padding} spaces,
     * deflated: PDFBox inflates that object stream whole, in memory, while it opens the file (a 400 MB one is an
     * OutOfMemoryError in a 256 MB heap). The page's content is plain text: the address in the window.
     */
    public static byte[] catalogueInPaddedObjectStream(List<String> addressLines, long padding) {
        try {
            String header = "2 0 ";
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
                out.write(ascii(header + "<</Type/Catalog/Pages 3 0 R>>"));
                byte[] spaces = new byte[64 * 1024];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (long left = padding; left > 0; left -= spaces.length) {
                    out.write(spaces, 0, (int) Math.min(spaces.length, left));
                }
            } finally {
                deflater.end();
            }
            StringBuilder text = new StringBuilder("BT /F1 10 Tf\n");
            float top = LetterPage.ADDRESS_TOP + 12;
            for (String line : addressLines) {
                text.append(String.format(java.util.Locale.ROOT, "1 0 0 1 %.2f %.2f Tm (%s) Tj\n",
                        LetterPage.ADDRESS_LEFT + 4, PDRectangle.A4.getHeight() - top, line));
                top += 11;
            }
            byte[] content = ascii(text.append("ET\n").toString());

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            long[] offsets = new long[8];
            file.write(ascii("%PDF-1.5\n"));
            offsets[1] = file.size();
            file.write(ascii("1 0 obj\n<</Type/ObjStm/N 1/First " + header.length() + "/Filter/FlateDecode/Length "
                    + compressed.size() + ">>\nstream\n"));
            compressed.writeTo(file);
            file.write(ascii("\nendstream\nendobj\n"));
            offsets[3] = file.size();
            file.write(ascii("3 0 obj\n<</Type/Pages/Kids[4 0 R]/Count 1>>\nendobj\n"));
            offsets[4] = file.size();
            file.write(ascii("4 0 obj\n<</Type/Page/Parent 3 0 R/MediaBox[0 0 " + PDRectangle.A4.getWidth() + " "
                    + PDRectangle.A4.getHeight() + "]/Contents 5 0 R/Resources<</Font<</F1 6 0 R>>>>>>\nendobj\n"));
            offsets[5] = file.size();
            file.write(ascii("5 0 obj\n<</Length " + content.length + ">>\nstream\n"));
            file.write(content);
            file.write(ascii("\nendstream\nendobj\n"));
            offsets[6] = file.size();
            file.write(ascii("6 0 obj\n<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>\nendobj\n"));
            offsets[7] = file.size();
            ByteArrayOutputStream xref = new ByteArrayOutputStream();
            java.io.DataOutputStream rows = new java.io.DataOutputStream(xref);
            for (int i = 0; i < offsets.length; i++) {
                boolean compressedObject = i == 2;
                rows.writeByte(i == 0 ? 0 : compressedObject ? 2 : 1);
                rows.writeInt(compressedObject ? 1 : (int) offsets[i]);
                rows.writeShort(i == 0 ? 65535 : 0);
            }
            file.write(ascii("7 0 obj\n<</Type/XRef/Size 8/W[1 4 2]/Root 2 0 R/Length " + xref.size() + ">>\nstream\n"));
            xref.writeTo(file);
            file.write(ascii("\nendstream\nendobj\nstartxref\n" + offsets[7] + "\n%%EOF\n"));
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
