package org.notifyhub.documents;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipient's browser following a download link by hand: every redirect and cookie is the test's to check. It keeps
 * the one cookie the pages set (the confirmed email address) and sends it where its Path says.
 */
final class DownloadBrowser {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String origin;
    private String cookie;
    private String cookiePath;

    DownloadBrowser(String origin) {
        this.origin = origin;
    }

    HttpResponse<byte[]> get(String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url)).GET();
        withCookie(request, url);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> postEmail(String url, String emailAddress) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "email_address=" + URLEncoder.encode(emailAddress, StandardCharsets.UTF_8)));
        withCookie(request, url);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue("Set-Cookie").ifPresent(this::keep);
        return response;
    }

    String cookiePath() {
        return cookiePath;
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The link of a page whose text contains {@code containing}, as a browser would resolve it. */
    static String link(HttpResponse<byte[]> page, String containing) {
        Matcher m = HREF.matcher(text(page));
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            if (href.contains(containing)) {
                return href;
            }
        }
        throw new AssertionError("no link containing " + containing + " in " + text(page));
    }

    private URI absolute(String url) {
        return URI.create(url.startsWith("/") ? origin + url : url);
    }

    private void withCookie(HttpRequest.Builder request, String url) {
        if (cookie != null && absolute(url).getPath().startsWith(cookiePath)) {
            request.header("Cookie", cookie);
        }
    }

    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        cookie = parts[0].strip();
        for (String part : parts) {
            if (part.strip().startsWith("Path=")) {
                cookiePath = part.strip().substring("Path=".length());
            }
        }
    }
}
