package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** notify.broadcasts.proxy=simulated (the local default's) answers with a simulated proxy; =lambda with Lambda. */
class BroadcastConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(ObjectMapper.class)
            .withUserConfiguration(BroadcastConfiguration.class);

    @Test
    void theLocalDefaultSimulatesTheNetworks() {
        runner.withPropertyValues("notify.broadcasts.proxy=simulated").run(context -> {
            CbcProxy proxy = context.getBean(CbcProxy.class);
            assertThat(proxy).isInstanceOf(SimulatedCbcProxy.class);
            assertThat(proxy.invoke("ee-1-proxy", Map.of("message_type", "alert", "identifier", "x"))).isTrue();
            assertThat(((SimulatedCbcProxy) proxy).invocations()).extracting(SimulatedCbcProxy.Invocation::functionName)
                    .containsExactly("ee-1-proxy");
        });
    }

    @Test
    void lambdaIsChosenByName() {
        runner.withPropertyValues("notify.broadcasts.proxy=lambda", "notify.broadcasts.lambda.endpoint=http://127.0.0.1:9",
                        "notify.broadcasts.lambda.access-key=a", "notify.broadcasts.lambda.secret-key=b",
                        "notify.broadcasts.lambda.timeout=2s")
                .run(context -> {
                    CbcProxy proxy = context.getBean(CbcProxy.class);
                    assertThat(proxy).isInstanceOf(LambdaCbcProxy.class);
                    // Nothing listens there: the call fails, and says so rather than throwing.
                    assertThat(proxy.invoke("ee-1-proxy", Map.of("message_type", "test"))).isFalse();
                });
    }
}
