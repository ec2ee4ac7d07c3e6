package org.notifyhub.admin;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.notifyhub.local.LocalCredentials;

/** Calls the admin API over HTTP as the admin app does: a fresh JWT signed with the admin client's secret each time. */
final class AdminClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final LocalCredentials.Admin admin;
    private final ObjectMapper mapper;

    AdminClient(String baseUrl, LocalCredentials.Admin admin, ObjectMapper mapper) {
        this.baseUrl = baseUrl;
        this.admin = admin;
        this.mapper = mapper;
    }

    record Response(int status, String body, JsonNode json, HttpHeaders headers) {
    }

    static String token(String issuer, String secret, Instant issuedAt) {
        return JWT.create().withIssuer(issuer).withIssuedAt(Date.from(issuedAt)).sign(Algorithm.HMAC256(secret));
    }

    String token() {
        return token(admin.clientId(), admin.secret().split(",")[0], Instant.now());
    }

    Response get(String path) {
        return send("GET", path, null, "Bearer " + token());
    }

    Response post(String path, Object body) {
        return send("POST", path, body, "Bearer " + token());
    }

    Response put(String path, Object body) {
        return send("PUT", path, body, "Bearer " + token());
    }

    Response delete(String path) {
        return send("DELETE", path, null, "Bearer " + token());
    }

    /** A request with exactly this Authorization header (none when null) and body (a String is sent as it is). */
    Response send(String method, String path, Object body, String authorization) {
        return send(method, path, body, authorization, "application/json");
    }

    Response send(String method, String path, Object body, String authorization, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", contentType);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            String json = body == null ? null : body instanceof String text ? text : mapper.writeValueAsString(body);
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? null : mapper.readTree(response.body());
            return new Response(response.statusCode(), response.body(), parsed, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
