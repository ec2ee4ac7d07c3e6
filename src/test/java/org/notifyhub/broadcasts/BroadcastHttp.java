package org.notifyhub.broadcasts;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.time.Instant;
import org.notifyhub.local.LocalCredentials;
import org.notifyhub.support.Jwt;

/** POST /v2/broadcast with a service's key, and the admin app's broadcast endpoints, over HTTP. */
final class BroadcastHttp {

    record Reply(int status, JsonNode body) {

        String message() {
            return body.path("errors").path(0).path("message").asText();
        }

        String error() {
            return body.path("errors").path(0).path("error").asText();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final LocalCredentials.Admin admin;

    BroadcastHttp(ObjectMapper mapper, String baseUrl, LocalCredentials.Admin admin) {
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.admin = admin;
    }

    Reply postCap(String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/broadcast"))
                .header("Authorization", "Bearer " + Jwt.forKey(key))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    Reply postCap(String key, String body) throws Exception {
        return postCap(key, "application/cap+xml", body);
    }

    Reply adminPost(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build());
    }

    Reply adminGet(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", adminToken())
                .GET().build());
    }

    private String adminToken() {
        return "Bearer " + JWT.create().withIssuer(admin.clientId()).withIssuedAt(Date.from(Instant.now()))
                .sign(Algorithm.HMAC256(admin.secret().split(",")[0]));
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? mapper.createObjectNode()
                : mapper.readTree(response.body()));
    }
}
