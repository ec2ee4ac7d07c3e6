package org.notifyhub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;

/**
 * The operators' CBC proxies in the test context: WireMock speaking AWS Lambda's Invoke API
 * ({@code POST /2015-03-31/functions/{name}/invocations}), one per test JVM. Every function takes every payload
 * unless a test makes one fail; tests find their own invocations by the identifiers in the payloads.
 */
public final class LambdaStub {

    private static final WireMockServer SERVER = start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaStub() {
    }

    /** One invocation: the function, when it arrived and the payload it was given. */
    public record Invocation(String function, Instant at, JsonNode payload) {
    }

    public static String url() {
        return SERVER.baseUrl();
    }

    /** Every invocation so far, oldest first. */
    public static List<Invocation> invocations() {
        return SERVER.findAll(postRequestedFor(urlPathMatching("/2015-03-31/functions/.*/invocations"))).stream()
                .map(LambdaStub::invocation).toList();
    }

    /** The function answers 500 (an AWS service error) until {@link #succeed} is called for it. */
    public static void fail(String function) {
        SERVER.stubFor(post(urlPathEqualTo(path(function))).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "ServiceException").withBody("{\"message\":\"proxy down\"}")));
    }

    /** The function runs but its code fails (Lambda's X-Amz-Function-Error). */
    public static void functionError(String function) {
        SERVER.stubFor(post(urlPathEqualTo(path(function))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("X-Amz-Function-Error", "Unhandled")
                        .withBody("{\"errorMessage\":\"CBC refused\"}")));
    }

    public static void succeed(String function) {
        SERVER.stubFor(post(urlPathEqualTo(path(function))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    private static String path(String function) {
        return "/2015-03-31/functions/" + function + "/invocations";
    }

    private static Invocation invocation(LoggedRequest request) {
        String function = request.getUrl().replaceFirst("^/2015-03-31/functions/", "").replaceFirst("/invocations.*$", "");
        try {
            return new Invocation(function, request.getLoggedDate().toInstant(), JSON.readTree(request.getBodyAsString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        return server;
    }
}
