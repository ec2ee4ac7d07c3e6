package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file's type from its bytes, as libmagic and document-download-api's zip check tell it. */
class FileTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pdf           | application/pdf
            png           | image/png
            jpeg          | image/jpeg
            rtf           | text/rtf
            doc           | application/msword
            ole           | application/x-ole-storage
            docx          | application/vnd.openxmlformats-officedocument.wordprocessingml.document
            xlsx          | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
            odt           | application/vnd.oasis.opendocument.text
            zip           | application/zip
            json          | application/json
            json-and-more | text/plain
            csv           | text/plain
            binary        | application/octet-stream
            latin1        | application/octet-stream
            """)
    void tellsTheTypeFromTheBytes(String sample, String mimetype) throws IOException {
        assertThat(FileTypes.detect(sample(sample))).isEqualTo(mimetype);
    }

    @ParameterizedTest
    @CsvSource({"pdf,application/pdf", "CSV,text/csv", "rtf,application/rtf", "jpg,image/jpeg", "JPEG,image/jpeg"})
    void namesAnExtensionsTypeAsNotifysTableDoes(String extension, String mimetype) {
        assertThat(FileTypes.allowedExtension(extension)).isTrue();
        assertThat(FileTypes.mimeTypeOf(extension)).isEqualTo(mimetype);
    }

    private static byte[] sample(String name) throws IOException {
        return switch (name) {
            case "pdf" -> ascii("%PDF-1.7\n%%EOF");
            case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
            case "jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
            case "rtf" -> ascii("{\\rtf1\\ansi Hello}");
            case "doc" -> ole("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0");
            case "ole" -> ole("B\0o\0o\0k\0");
            case "docx" -> zip("[Content_Types].xml", "word/document.xml");
            case "xlsx" -> zip("[Content_Types].xml", "xl/workbook.xml");
            case "odt" -> zip("mimetype", "content.xml");
            case "zip" -> zip("notes.txt");
            case "json" -> ascii("{\"a\": [1, 2]}\n");
            case "json-and-more" -> ascii("{\"a\": 1} and more");
            case "csv" -> ascii("name,amount\r\nA,1\r\n");
            case "binary" -> new byte[] {1, 2, 3, 0};
            case "latin1" -> new byte[] {'c', 'a', 'f', (byte) 0xE9};
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ole(String streamName) {
        byte[] header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] name = ascii(streamName);
        byte[] out = new byte[512 + name.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(name, 0, out, 512, name.length);
        return out;
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(ascii(entry.equals("mimetype") ? "application/vnd.oasis.opendocument.text" : "<x/>"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
