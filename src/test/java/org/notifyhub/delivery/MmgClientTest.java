package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.notifyhub.support.ProviderHttp;

/** MMG's wire format and its idea of success, against WireMock. */
class MmgClientTest {

    @RegisterExtension
    static WireMockExtension mmg = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MmgClient client;

    @BeforeEach
    void setUp() {
        SmsProviderEndpoints endpoints = new SmsProviderEndpoints("", "", "", mmg.baseUrl() + "/jsonv2a/api.php", "bW1nOmtleQ==");
        client = new MmgClient(endpoints, new SmsProviderHttp(1), new SmsClientMetrics(registry), new ObjectMapper());
    }

    @Test
    void postsTheJsonMmgExpectsWithItsKeyAsBasicCredentials() {
        mmg.stubFor(post("/jsonv2a/api.php").willReturn(okJson("{\"Reference\":\"mmg-1\"}")));
        UUID id = UUID.randomUUID();

        client.send(new SmsMessage(id, "447700900123", "Service: Hi \"there\"", "GOVUK", false));

        mmg.verify(postRequestedFor(urlEqualTo("/jsonv2a/api.php"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic bW1nOmtleQ=="))
                .withRequestBody(equalToJson("{\"reqType\":\"BULK\",\"MSISDN\":\"447700900123\",\"msg\":\"Service: Hi \\\"there\\\"\","
                        + "\"sender\":\"GOVUK\",\"cid\":\"" + id + "\",\"multi\":true}")));
        assertThat(registry.counter("clients.mmg.success").count()).isEqualTo(1);
        assertThat(registry.timer("clients.mmg.request-time").count()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailure() {
        mmg.stubFor(post("/jsonv2a/api.php").willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Invalid response JSON");

        mmg.stubFor(post("/jsonv2a/api.php").willReturn(aResponse().withStatus(200)));
        assertThatThrownBy(this::send).isInstanceOf(SmsClientResponseException.class).hasMessageContaining("Invalid response JSON");
        assertThat(registry.counter("clients.mmg.error").count()).isEqualTo(2);
    }

    @Test
    void anErrorStatusIsARetryableRequestFailure() {
        mmg.stubFor(post("/jsonv2a/api.php").willReturn(aResponse().withStatus(400).withBody("{\"Error\":\"bad\"}")));
        assertThatThrownBy(this::send).isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("Request failed");
    }

    private void send() {
        client.send(new SmsMessage(UUID.randomUUID(), "447700900123", "Hi", "GOVUK", false));
    }
}
