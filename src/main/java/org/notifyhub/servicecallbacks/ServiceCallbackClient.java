package org.notifyhub.servicecallbacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POSTs a callback to a service's server as Notify does: JSON, {@code Authorization: Bearer {token}}, a short
 * timeout. The answer is a decision: success returns, a retryable failure or a refusal throws its own type.
 */
@Component
public class ServiceCallbackClient {

    private static final int TOO_MANY_REQUESTS = 429;

    private final HttpClient http;
    private final Duration timeout;

    public ServiceCallbackClient(@Value("${notify.service-callbacks.timeout}") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns the status of a response below 400. */
    public int post(String url, String bearerToken, String json) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bearerToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new RejectedCallbackException("Callback URL " + url + " is not usable", e);
        }
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new RetryableCallbackException("Callback to " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableCallbackException("Callback to " + url + " interrupted", e);
        }
        if (status >= 500 || status == TOO_MANY_REQUESTS) {
            throw new RetryableCallbackException("Callback to " + url + " answered " + status);
        }
        if (status >= 400) {
            throw new RejectedCallbackException("Callback to " + url + " answered " + status);
        }
        return status;
    }
}
