package org.notifyhub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;

/**
 * The operators' alert webhook in the test context (WireMock, one per test JVM): every alert the hub raises is POSTed
 * here, so a test finds its own by what the body names (a file name, a reference).
 */
public final class AlertWebhook {

    private static final String PATH = "/alerts";
    private static final WireMockServer SERVER = start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertWebhook() {
    }

    public static String url() {
        return SERVER.baseUrl() + PATH;
    }

    /** Every alert received so far, as {title, body, kind, node, raised_at}. */
    public static List<Map<String, Object>> alerts() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream().map(request -> {
            try {
                return JSON.readValue(request.getBodyAsString(), new TypeReference<Map<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Alerts whose body mentions the text. */
    public static List<Map<String, Object>> mentioning(String text) {
        return alerts().stream().filter(alert -> String.valueOf(alert.get("body")).contains(text)).toList();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        return server;
    }
}
