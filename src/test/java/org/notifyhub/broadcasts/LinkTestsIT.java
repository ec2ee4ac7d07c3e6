package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.apache.camel.ProducerTemplate;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.LambdaStub;
import org.springframework.beans.factory.annotation.Autowired;

/** trigger-link-tests: a test payload to both proxies of every operator; a proxy that fails raises an alert. */
class LinkTestsIT extends HubIntegrationTest {

    @Autowired
    private ProducerTemplate producer;

    @AfterEach
    void proxyBackUp() {
        LambdaStub.succeed("three-2-proxy");
    }

    @Test
    void everyProxyIsTestedAndAFailingOneRaisesAnAlert() {
        LambdaStub.fail("three-2-proxy");
        Instant start = Instant.now();

        producer.sendBody("direct:trigger-link-tests", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> tests(start).size() == 8);
        assertThat(tests(start)).extracting(LambdaStub.Invocation::function).containsExactlyInAnyOrder(
                "ee-1-proxy", "ee-2-proxy", "o2-1-proxy", "o2-2-proxy", "three-1-proxy", "three-2-proxy",
                "vodafone-1-proxy", "vodafone-2-proxy");
        assertThat(tests(start)).allSatisfy(call -> assertThat(call.payload().get("message_format").asText())
                .isEqualTo(call.function().startsWith("vodafone") ? "ibag" : "cap"));
        assertThat(tests(start)).filteredOn(call -> call.function().startsWith("vodafone"))
                .allSatisfy(call -> assertThat(call.payload().get("message_number").asText()).matches("[0-9a-f]{8}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !AlertWebhook.mentioning("three-2-proxy").isEmpty());
        assertThat(AlertWebhook.mentioning("three-2-proxy").get(0).get("kind")).isEqualTo("broadcast-link-test-failed");
        assertThat(AlertWebhook.mentioning("three-1-proxy")).isEmpty();
    }

    private static List<LambdaStub.Invocation> tests(Instant since) {
        return LambdaStub.invocations().stream().filter(call -> !call.at().isBefore(since.minusMillis(5))
                && call.payload().path("message_type").asText().equals("test")).toList();
    }
}
