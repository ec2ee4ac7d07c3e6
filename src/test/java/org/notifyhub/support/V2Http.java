package org.notifyhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP against the v2 API, for the requests an official client would never make. */
public final class V2Http {

    public record Reply(int status, JsonNode body) {

        /** The first error message of a v2 error envelope. */
        public String message() {
            return body.path("errors").path(0).path("message").asText();
        }

        public String error() {
            return body.path("errors").path(0).path("error").asText();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper;
    private final String baseUrl;

    public V2Http(ObjectMapper mapper, String baseUrl) {
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public Reply post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public Reply get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }
}
