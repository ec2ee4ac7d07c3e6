package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tests with WireMock playing Firetext and MMG. The shared context's provider endpoints are repointed
 * at it for one test and restored after, so every other test keeps the simulator.
 */
public abstract class SmsProviderStubs extends HubIntegrationTest {

    public static final String FIRETEXT_PATH = "/firetext/api/sendsms/json";
    public static final String MMG_PATH = "/mmg/jsonv2a/api.php";
    public static final String FIRETEXT_KEY = "firetext-key";
    public static final String FIRETEXT_INTERNATIONAL_KEY = "firetext-international-key";
    public static final String MMG_KEY = "bW1nLXVzZXI6bW1nLWtleQ==";
    protected static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    protected static WireMockExtension providers = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    protected SmsProviderEndpoints endpoints;

    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void restoreConfiguredProviders() {
        endpoints.restoreConfigured();
    }

    protected void pointHubAt(boolean firetext, boolean mmg) {
        endpoints.repoint(
                firetext ? new SmsProviderEndpoints.Firetext(providers.baseUrl() + FIRETEXT_PATH, FIRETEXT_KEY, FIRETEXT_INTERNATIONAL_KEY) : null,
                mmg ? new SmsProviderEndpoints.Mmg(providers.baseUrl() + MMG_PATH, MMG_KEY) : null);
    }

    protected void acceptEverySend() {
        providers.stubFor(post(FIRETEXT_PATH).willReturn(okJson("{\"code\":0,\"description\":\"SMS successfully queued\"}")));
        providers.stubFor(post(MMG_PATH).willReturn(okJson("{\"Reference\":\"12345\"}")));
    }

    protected void failEverySend() {
        providers.stubFor(post(FIRETEXT_PATH).willReturn(serverError()));
        providers.stubFor(post(MMG_PATH).willReturn(serverError()));
    }

    protected List<LoggedRequest> firetextRequestsFor(UUID notificationId) {
        return providers.findAll(postRequestedFor(urlEqualTo(FIRETEXT_PATH)).withFormParam("reference", equalTo(notificationId.toString())));
    }

    protected List<LoggedRequest> mmgRequestsFor(UUID notificationId) {
        return providers.findAll(postRequestedFor(urlEqualTo(MMG_PATH)).withRequestBody(matchingJsonPath("$.cid", equalTo(notificationId.toString()))));
    }

    /** Waits until the provider has recorded the notification as sent by it. */
    protected void awaitSentBy(UUID notificationId, String provider) {
        await().atMost(WAIT).until(() -> provider.equals(jdbc.sql("SELECT sent_by FROM notifications WHERE id = :id")
                .param("id", notificationId).query(String.class).optional().orElse(null)));
    }
}
