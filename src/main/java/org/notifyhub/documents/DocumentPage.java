package org.notifyhub.documents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the download pages: status, headers and body, written to the response as they are. */
public record DocumentPage(int status, Map<String, String> headers, byte[] body) {

    private static final String HTML = "text/html; charset=utf-8";

    public static DocumentPage html(int status, String html) {
        return new DocumentPage(status, headers(HTML), html.getBytes(StandardCharsets.UTF_8));
    }

    public static DocumentPage json(int status, String error) {
        String escaped = error.replace("\\", "\\\\").replace("\"", "\\\"");
        return new DocumentPage(status, headers("application/json"),
                ("{\"error\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** 429 with how long until an attempt may count again. */
    public static DocumentPage tooManyAttempts(String html, Duration retryAfter) {
        DocumentPage page = html(429, html);
        page.headers().put("Retry-After", Long.toString(retryAfter.toSeconds()));
        return page;
    }

    /** A redirect after a form post (303) or to another page (302), with an optional cookie. */
    public static DocumentPage redirect(int status, String location, String setCookie) {
        Map<String, String> headers = headers(HTML);
        headers.put("Location", location);
        if (setCookie != null) {
            headers.put("Set-Cookie", setCookie);
        }
        return new DocumentPage(status, headers, new byte[0]);
    }

    public static DocumentPage file(byte[] content, String mimetype, String contentDisposition) {
        Map<String, String> headers = headers(mimetype);
        headers.put("Content-Disposition", contentDisposition);
        return new DocumentPage(200, headers, content);
    }

    /**
     * The link's key is in the URL: no page of it is indexed, kept by a cache or named to another site (as Notify's),
     * and a served file is only ever the type it was checked as.
     */
    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Robots-Tag", "noindex, nofollow");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }
}
