package org.notifyhub.documents;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The links document-download-frontend uses: {@code /d/<service>/<document>?key=<key>}, each part base64url without
 * padding (a UUID's 16 bytes, the key's 32), as notifications-utils' base64_uuid makes them.
 */
public final class DocumentLinks {

    private DocumentLinks() {
    }

    public static String landing(String base, UUID serviceId, UUID documentId, byte[] key) {
        return base + path(serviceId, documentId) + "?key=" + encode(key);
    }

    /** What Notify puts in an email to a simulated recipient: a link to no document. */
    public static String test(String base, UUID serviceId) {
        return base + "/services/" + serviceId + "/documents/test-document";
    }

    public static String path(UUID serviceId, UUID documentId) {
        return "/d/" + encode(uuidBytes(serviceId)) + "/" + encode(uuidBytes(documentId));
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A base64url value back to bytes, or empty when it is not one. */
    public static Optional<byte[]> decode(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(value.replace("=", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<UUID> uuid(String value) {
        return decode(value).filter(bytes -> bytes.length == 16).map(bytes -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        });
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
