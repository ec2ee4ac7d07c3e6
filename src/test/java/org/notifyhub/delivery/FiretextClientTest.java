package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.notifyhub.support.ProviderHttp;

/** Firetext's wire format and its idea of success, against WireMock. */
class FiretextClientTest {

    @RegisterExtension
    static WireMockExtension firetext = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FiretextClient client;

    @BeforeEach
    void setUp() {
        SmsProviderEndpoints endpoints = new SmsProviderEndpoints(firetext.baseUrl() + "/api/sendsms/json", "uk-key", "world-key", "", "");
        client = new FiretextClient(endpoints, new SmsProviderHttp(1), new SmsClientMetrics(registry), new ObjectMapper());
    }

    @Test
    void postsTheFormFiretextExpects() {
        firetext.stubFor(post("/api/sendsms/json").willReturn(okJson("{\"code\":0,\"description\":\"SMS successfully queued\"}")));
        UUID id = UUID.randomUUID();

        client.send(new SmsMessage(id, "447700900123", "Service: Hi & bye", "GOVUK", false));
        client.send(new SmsMessage(id, "+33612345678", "Bonjour", "GOVUK", true));

        firetext.verify(postRequestedFor(urlEqualTo("/api/sendsms/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("apiKey", equalTo("uk-key"))
                .withFormParam("from", equalTo("GOVUK"))
                .withFormParam("to", equalTo("447700900123"))
                .withFormParam("message", equalTo("Service: Hi & bye"))
                .withFormParam("reference", equalTo(id.toString())));
        firetext.verify(postRequestedFor(urlEqualTo("/api/sendsms/json"))
                .withFormParam("apiKey", equalTo("world-key"))
                .withFormParam("to", equalTo("33612345678")));
        assertThat(registry.counter("clients.firetext.success").count()).isEqualTo(2);
        assertThat(registry.timer("clients.firetext.request-time").count()).isEqualTo(2);
    }

    @Test
    void aCodeOtherThanZeroIsAFailure() {
        firetext.stubFor(post("/api/sendsms/json").willReturn(okJson("{\"code\":1,\"description\":\"Invalid API key\"}")));

        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class)
                .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("Invalid response JSON");
        assertThat(registry.counter("clients.firetext.error").count()).isEqualTo(1);
        assertThat(registry.counter("clients.firetext.success").count()).isZero();
    }

    @Test
    void anAnswerThatIsNotJsonWithACodeIsAFailure() {
        firetext.stubFor(post("/api/sendsms/json").willReturn(aResponse().withStatus(200).withBody("queued")));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Invalid response JSON");

        firetext.stubFor(post("/api/sendsms/json").willReturn(okJson("{\"description\":\"no code\"}")));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Invalid response JSON");
    }

    @Test
    void anErrorStatusATimeoutOrABrokenConnectionIsARetryableRequestFailure() {
        firetext.stubFor(post("/api/sendsms/json").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Request failed");

        firetext.stubFor(post("/api/sendsms/json").willReturn(okJson("{\"code\":0}").withFixedDelay(2_000)));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Request failed");

        firetext.stubFor(post("/api/sendsms/json").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Request failed");

        assertThat(registry.counter("clients.firetext.error").count()).isEqualTo(3);
        assertThat(registry.timer("clients.firetext.request-time").count()).isEqualTo(3);
    }

    private void send() {
        client.send(new SmsMessage(UUID.randomUUID(), "447700900123", "Hi", "GOVUK", false));
    }
}
