package org.notifyhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts to the hub as Firetext and MMG do: forms or JSON, with or without HTTP Basic. */
public final class ProviderHttp {

    public record Reply(int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ProviderHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Reply postForm(String path, Map<String, String> form, String authorization) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body, authorization);
    }

    public Reply postJson(String path, String json, String authorization) throws Exception {
        return post(path, "application/json", json, authorization);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode json(Reply reply) throws Exception {
        return new ObjectMapper().readTree(reply.body());
    }

    private Reply post(String path, String contentType, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
