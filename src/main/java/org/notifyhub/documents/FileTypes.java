package org.notifyhub.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types a service may send by email (notifications-utils {@code file_types}) and the type of a file told
 * from its bytes, as document-download-api tells it with libmagic: magic numbers, the entries of a zip for Office
 * Open XML and OpenDocument files, the directory of an OLE compound file for a Word document, else text or JSON.
 */
public final class FileTypes {

    /** Extension → what the download page calls it. */
    private static final Map<String, String> PRETTY_NAMES = new LinkedHashMap<>();
    /** Extension → MIME type; the later entry wins, as in Notify's dict (rtf → application/rtf). */
    private static final Map<String, String> EXTENSIONS = new LinkedHashMap<>();
    /** MIME type → extension. */
    private static final Map<String, String> MIME_TYPES = new LinkedHashMap<>();

    static {
        add("pdf", "application/pdf", "PDF");
        add("csv", "text/csv", "CSV file");
        add("txt", "text/plain", "text file");
        add("json", "application/json", "JSON file");
        add("doc", "application/msword", "Microsoft Word document");
        add("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Microsoft Word document");
        add("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Microsoft Excel spreadsheet");
        add("odt", "application/vnd.oasis.opendocument.text", "text file");
        add("rtf", "text/rtf", "text file");
        add("rtf", "application/rtf", "RTF file");
        add("jpg", "image/jpeg", "JPEG file");
        add("jpeg", "image/jpeg", "JPEG file");
        add("png", "image/png", "PNG file");
    }

    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] WORD_DOCUMENT_STREAM = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final JsonFactory JSON = new JsonFactory();

    private FileTypes() {
    }

    private static void add(String extension, String mimeType, String prettyName) {
        PRETTY_NAMES.putIfAbsent(extension, prettyName);
        EXTENSIONS.put(extension, mimeType);
        MIME_TYPES.put(mimeType, extension);
    }

    public static boolean allowedExtension(String extension) {
        return EXTENSIONS.containsKey(extension.toLowerCase(Locale.ROOT));
    }

    public static boolean allowedMimeType(String mimeType) {
        return MIME_TYPES.containsKey(mimeType);
    }

    public static String mimeTypeOf(String extension) {
        return EXTENSIONS.get(extension.toLowerCase(Locale.ROOT));
    }

    public static String prettyName(String extension) {
        return PRETTY_NAMES.get(extension.toLowerCase(Locale.ROOT));
    }

    public static String extensionOf(String mimeType) {
        return MIME_TYPES.get(mimeType);
    }

    /** Notify's list in its refusals: {@code '.csv', '.doc', …} sorted. */
    public static String supportedList() {
        return new TreeSet<>(EXTENSIONS.keySet()).stream().map(ext -> "'." + ext + "'")
                .collect(Collectors.joining(", "));
    }

    /** The MIME type the bytes are, whatever their name says. */
    public static String detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(content, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            return "text/rtf";
        }
        if (startsWith(content, OLE)) {
            return contains(content, WORD_DOCUMENT_STREAM) ? "application/msword" : "application/x-ole-storage";
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return zipType(content);
        }
        if (!isText(content)) {
            return OCTET_STREAM;
        }
        return isJson(content) ? "application/json" : "text/plain";
    }

    private static String zipType(byte[] content) {
        boolean first = true;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (first && name.equals("mimetype")
                        && new String(zip.readNBytes(64), StandardCharsets.US_ASCII).equals(ODT)) {
                    return ODT;
                }
                first = false;
                if (name.equals("word/document.xml")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                if (name.equals("xl/workbook.xml")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
            }
            return first ? OCTET_STREAM : "application/zip";
        } catch (IOException | IllegalArgumentException e) {
            return OCTET_STREAM;
        }
    }

    /** UTF-8 with no control characters but tab, line breaks and form feed: what libmagic calls text. */
    private static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F);
    }

    /** One JSON object or array and nothing after it. */
    private static boolean isJson(byte[] content) {
        try (JsonParser parser = JSON.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(byte[] content, byte[] part) {
        return new String(content, StandardCharsets.ISO_8859_1).contains(new String(part, StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
