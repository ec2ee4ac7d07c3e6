package org.notifyhub.common;

import java.util.List;

/** Which API a request path belongs to, for the filters that answer before any route runs. */
public final class RequestPaths {

    private static final List<String> ADMIN_ROOTS = List.of("/service", "/inbound-number", "/letters", "/platform-admin");

    private RequestPaths() {
    }

    public static boolean isV2(String path) {
        return path.equals("/v2") || path.startsWith("/v2/");
    }

    public static boolean isAdmin(String path) {
        return ADMIN_ROOTS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    /** The CSV upload: a file the recipient checker reads (and words its refusal) itself. */
    public static boolean isFileUpload(String path) {
        return isAdmin(path) && path.endsWith("/job/upload");
    }

    /** POST /v2/broadcast: a CAP XML document, whose content type the endpoint itself checks (Notify's 415). */
    public static boolean isCapXml(String path) {
        return path.equals("/v2/broadcast") || path.equals("/v2/broadcast/");
    }

    /** Endpoints whose body is JSON text. */
    public static boolean isJsonApi(String path) {
        return (isV2(path) && !isCapXml(path)) || (isAdmin(path) && !isFileUpload(path));
    }
}
