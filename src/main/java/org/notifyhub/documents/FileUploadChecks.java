package org.notifyhub.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.common.V2ValidationException;

/**
 * Notify's checks of a file sent by email, in its words and order: the shape of the personalisation value
 * (notifications-api's {@code send_a_file_validation}, a ValidationError), then what document-download-api refuses
 * (base64, size, name, emptiness; a BadRequestError). The type and virus checks need the scanner: {@link SendFiles}.
 */
public final class FileUploadChecks {

    /** document-download-api's MAX_DECODED_FILE_SIZE: 2 MiB and 1 KiB of slack. */
    public static final int MAX_DECODED_BYTES = 2 * 1024 * 1024 + 1024;
    /** document-download-api's MAX_CONTENT_LENGTH: its whole request, mostly base64. */
    static final int MAX_ENCODED_CHARS = 3 * 1024 * 1024;
    static final int MAX_FILENAME_LENGTH = 100;
    static final int DEFAULT_RETENTION_WEEKS = 26;
    static final String TOO_BIG = "Uploaded file exceeds file size limit";

    private static final Set<String> FIELDS = Set.of("file", "is_csv", "confirm_email_before_download",
            "retention_period", "filename");
    private static final List<String> FIELD_ORDER = List.of("file", "is_csv", "confirm_email_before_download",
            "retention_period", "filename");
    private static final Pattern WEEKS = Pattern.compile("^(\\d+) weeks?$");
    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/=]");

    private FileUploadChecks() {
    }

    /** A personalisation value Notify takes for a file: an object with a {@code file} key. */
    public static boolean isFile(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("file");
    }

    /** Notify's send_a_file_validation: every failure of the value, as one ValidationError response. */
    public static void validateShape(Map<?, ?> value) {
        List<String> errors = new ArrayList<>();
        List<String> unexpected = value.keySet().stream().map(String::valueOf).filter(k -> !FIELDS.contains(k))
                .sorted().toList();
        if (!unexpected.isEmpty()) {
            errors.add("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        for (String field : FIELD_ORDER) {
            if (value.containsKey(field)) {
                String error = fieldError(field, value.get(field));
                if (error != null) {
                    errors.add(field + " " + error);
                }
            }
        }
        if (value.containsKey("is_csv") && value.containsKey("filename")) {
            errors.add("Do not set a value for `is_csv` if `filename` is set.");
        }
        if (!errors.isEmpty()) {
            throw new V2ValidationException(errors);
        }
    }

    private static String fieldError(String field, Object v) {
        return switch (field) {
            case "file" -> v instanceof String ? null : python(v) + " is not of type string";
            case "is_csv", "confirm_email_before_download" -> v == null || v instanceof Boolean ? null
                    : "Unsupported value for " + field + ": " + python(v) + ". Use a boolean true or false value.";
            case "retention_period" -> v == null || retentionWeeks(v) > 0 ? null
                    : "Unsupported value for retention_period: " + python(v)
                    + ". Supported periods are from 1 to 78 weeks.";
            case "filename" -> v == null || v instanceof String s && s.contains(".") ? null
                    : "`filename` must end with a file extension. For example, filename.csv";
            default -> null;
        };
    }

    /** "N week(s)", 1 ≤ N ≤ 78, any case and surrounding space; 0 when it is not. */
    static int retentionWeeks(Object value) {
        if (!(value instanceof String text)) {
            return 0;
        }
        Matcher m = WEEKS.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 3) {
            return 0;
        }
        int weeks = Integer.parseInt(m.group(1));
        return weeks >= 1 && weeks <= 78 ? weeks : 0;
    }

    /** The bytes, as document-download-api decodes them (characters outside base64 are skipped). */
    public static byte[] decode(String file) {
        if (file.length() > MAX_ENCODED_CHARS) {
            throw V2ApiException.badRequest(TOO_BIG);
        }
        String base64 = NOT_BASE64.matcher(file).replaceAll("");
        try {
            // Python's decoder insists on the padding Java's would do without.
            if (base64.length() % 4 != 0) {
                throw new IllegalArgumentException("Incorrect padding");
            }
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw V2ApiException.badRequest("Document is not base64 encoded");
        }
    }

    /** document-download-api's size limit and its refusal of an empty file. */
    public static void checkSize(byte[] content) {
        if (content.length > MAX_DECODED_BYTES) {
            throw V2ApiException.badRequest(TOO_BIG);
        }
        if (content.length == 0) {
            throw V2ApiException.badRequest("Document must not be empty");
        }
    }

    /** document-download-api's checks of a custom file name. */
    public static void checkFilename(String filename) {
        if (filename.length() > MAX_FILENAME_LENGTH) {
            throw V2ApiException.badRequest("`filename` cannot be longer than " + MAX_FILENAME_LENGTH + " characters");
        }
        String extension = extension(filename);
        if (!FileTypes.allowedExtension(extension)) {
            throw unsupported("." + extension);
        }
    }

    /**
     * The type the file is served as: the name's when it has one (the content must still be an allowed type), else
     * the detected one, a CSV's {@code text/plain} read as {@code text/csv} when the sender says it is one.
     */
    public static String mimetype(byte[] content, String filename, boolean isCsv) {
        String detected = FileTypes.detect(content);
        String mimetype;
        if (filename != null) {
            mimetype = FileTypes.mimeTypeOf(extension(filename));
            if (!detected.equals(mimetype) && !FileTypes.allowedMimeType(detected)) {
                throw unsupported(detected);
            }
        } else {
            mimetype = isCsv && detected.equals("text/plain") ? "text/csv" : detected;
        }
        if (!FileTypes.allowedMimeType(mimetype)) {
            throw unsupported(mimetype);
        }
        return mimetype;
    }

    static String extension(String filename) {
        return filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static V2ApiException unsupported(String type) {
        return V2ApiException.badRequest("Unsupported file type '" + type + "'. Supported types are: "
                + FileTypes.supportedList());
    }

    /** How Python prints a JSON value in Notify's messages, without its quotes (Notify strips them). */
    static String python(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> list) {
            return list.stream().map(FileUploadChecks::python).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + python(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v).replace("'", "");
    }
}
