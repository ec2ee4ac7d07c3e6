package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.LinkedMultiValueMap;

/** Which failed provider calls the provider may have taken (sent again only after a re-check) and which it did not. */
class UnansweredCallsTest {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SmsProviderHttp http = new SmsProviderHttp(1);

    @Test
    void aReadTimeoutOrAResetAfterTheRequestWentOutIsUnanswered() {
        provider.stubFor(post("/late").willReturn(okJson("{\"code\":0}").withFixedDelay(2_000)));
        provider.stubFor(post("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        provider.stubFor(post("/cut").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(UnansweredCalls.unanswered(failureOf("/late"))).isTrue();
        assertThat(UnansweredCalls.unanswered(failureOf("/reset"))).isTrue();
        assertThat(UnansweredCalls.unanswered(failureOf("/cut"))).isTrue();
    }

    @Test
    void anAnswerOrARefusedConnectionIsDefinite() throws Exception {
        provider.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
        provider.stubFor(post("/throttled").willReturn(aResponse().withStatus(429)));

        assertThat(UnansweredCalls.unanswered(failureOf("/down"))).isFalse();
        assertThat(UnansweredCalls.unanswered(failureOf("/throttled"))).isFalse();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Throwable refused = catchThrowable(() -> http.postForm("firetext", "http://127.0.0.1:" + closedPort + "/x",
                new LinkedMultiValueMap<>()));
        assertThat(refused).isInstanceOf(SmsClientResponseException.class);
        assertThat(UnansweredCalls.unanswered(refused)).isFalse();
        assertThat(UnansweredCalls.unanswered(new SmsClientResponseException("firetext", "Invalid response JSON", null)))
                .isFalse();
    }

    private Throwable failureOf(String path) {
        Throwable failure = catchThrowable(() -> http.postForm("firetext", provider.baseUrl() + path, new LinkedMultiValueMap<>()));
        assertThat(failure).as(path).isInstanceOf(SmsClientResponseException.class);
        return failure;
    }
}
