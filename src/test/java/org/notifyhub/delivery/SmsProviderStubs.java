package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;

/**
 * WireMock playing Firetext and MMG for the shared test context: the hub's provider endpoints are repointed at it
 * for one test and restored after, so every other test keeps the simulator.
 */
public final class SmsProviderStubs {

    public static final String FIRETEXT_PATH = "/firetext/api/sendsms/json";
    public static final String MMG_PATH = "/mmg/jsonv2a/api.php";
    public static final String FIRETEXT_KEY = "firetext-key";
    public static final String FIRETEXT_INTERNATIONAL_KEY = "firetext-international-key";
    public static final String MMG_KEY = "bW1nLXVzZXI6bW1nLWtleQ==";

    private SmsProviderStubs() {
    }

    public static void pointHubAt(SmsProviderEndpoints endpoints, WireMockExtension wireMock, boolean firetext, boolean mmg) {
        endpoints.repoint(
                firetext ? new SmsProviderEndpoints.Firetext(wireMock.baseUrl() + FIRETEXT_PATH, FIRETEXT_KEY, FIRETEXT_INTERNATIONAL_KEY) : null,
                mmg ? new SmsProviderEndpoints.Mmg(wireMock.baseUrl() + MMG_PATH, MMG_KEY) : null);
    }

    public static void acceptEverySend(WireMockExtension wireMock) {
        wireMock.stubFor(post(FIRETEXT_PATH).willReturn(okJson("{\"code\":0,\"description\":\"SMS successfully queued\"}")));
        wireMock.stubFor(post(MMG_PATH).willReturn(okJson("{\"Reference\":\"12345\"}")));
    }

    public static void failEverySend(WireMockExtension wireMock) {
        wireMock.stubFor(post(FIRETEXT_PATH).willReturn(serverError()));
        wireMock.stubFor(post(MMG_PATH).willReturn(serverError()));
    }

    public static List<LoggedRequest> firetextRequestsFor(WireMockExtension wireMock, UUID notificationId) {
        return wireMock.findAll(postRequestedFor(urlEqualTo(FIRETEXT_PATH)).withFormParam("reference", equalTo(notificationId.toString())));
    }

    public static List<LoggedRequest> mmgRequestsFor(WireMockExtension wireMock, UUID notificationId) {
        return wireMock.findAll(postRequestedFor(urlEqualTo(MMG_PATH)).withRequestBody(matchingJsonPath("$.cid", equalTo(notificationId.toString()))));
    }
}
