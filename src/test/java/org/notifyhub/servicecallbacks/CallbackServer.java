package org.notifyhub.servicecallbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.notifyhub.services.CallbackType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service's callback server (WireMock, one for the whole test JVM): each test takes its own path, so tests need no
 * reset. Configures a service's callback straight in service_callback_api, as the admin API would.
 */
public final class CallbackServer {

    private static final WireMockServer SERVER = start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CallbackServer() {
    }

    /** A fresh path answering {@code status} to every POST. */
    public static String answering(int status) {
        String path = "/callbacks/" + UUID.randomUUID();
        SERVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
        return path;
    }

    /** A fresh path answering {@code status} only after {@code delay}. */
    public static String answeringAfter(int status, Duration delay) {
        String path = "/callbacks/" + UUID.randomUUID();
        SERVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withFixedDelay((int) delay.toMillis())));
        return path;
    }

    /** A fresh path answering each status in turn, then the last one for good. */
    public static String answeringInTurn(int... statuses) {
        String path = "/callbacks/" + UUID.randomUUID();
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer-" + i;
            String next = i == statuses.length - 1 ? state : "answer-" + (i + 1);
            SERVER.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i])).willSetStateTo(next));
        }
        return path;
    }

    public static String url(String path) {
        return SERVER.baseUrl() + path;
    }

    /** What the server received on a path, oldest first. */
    public static List<LoggedRequest> received(String path) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** A received JSON body as a map, nulls kept. */
    public static Map<String, Object> body(LoggedRequest request) {
        try {
            return JSON.readValue(request.getBodyAsString(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + request.getBodyAsString(), e);
        }
    }

    public static void configure(JdbcClient jdbc, Encryption encryption, UUID serviceId, CallbackType type, String url,
                                 String bearerToken) {
        jdbc.sql("""
                        INSERT INTO service_callback_api (id, service_id, url, callback_type, bearer_token)
                        VALUES (:id, :serviceId, :url, :type, :token)""")
                .param("id", UUID.randomUUID())
                .param("serviceId", serviceId)
                .param("url", url)
                .param("type", type.wireName())
                .param("token", encryption.encrypt(bearerToken))
                .update();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
