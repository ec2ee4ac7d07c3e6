package org.notifyhub.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Raw HTTP calls to the v2 API, signed as Notify's clients sign them, for checking exact statuses and bodies. */
public final class V2Http {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final TestService service;

    public V2Http(String baseUrl, TestService service) {
        this.baseUrl = baseUrl;
        this.service = service;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    /** A GET with no Authorization header at all. */
    public HttpResponse<String> getUnauthenticated(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String token = JWT.create().withIssuer(service.id().toString()).withIssuedAt(Instant.now())
                .sign(Algorithm.HMAC256(service.secret()));
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
