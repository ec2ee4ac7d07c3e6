package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The local default listens on loopback unless the operator names an address. */
class LocalDefaultEnvironmentTest {

    @Test
    void bindsToLoopbackWhenNoAddressIsConfigured() {
        Map<String, Object> properties = new HashMap<>();

        LocalDefaultEnvironment.bindLoopbackUnlessTold(new MockEnvironment(), properties);

        assertThat(properties).containsEntry("server.address", "127.0.0.1");
    }

    @Test
    void keepsAnAddressGivenAsAProperty() {
        Map<String, Object> properties = new HashMap<>();

        LocalDefaultEnvironment.bindLoopbackUnlessTold(new MockEnvironment().withProperty("server.address", "0.0.0.0"), properties);

        assertThat(properties).doesNotContainKey("server.address");
    }

    @Test
    void keepsAnAddressGivenAsServerAddressInTheEnvironment() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of("SERVER_ADDRESS", "0.0.0.0")));
        Map<String, Object> properties = new HashMap<>();

        LocalDefaultEnvironment.bindLoopbackUnlessTold(env, properties);

        assertThat(properties).doesNotContainKey("server.address");
    }

    @Test
    void aProductionNodeSendsBroadcastsToTheLambdaProxiesUnlessToldToSimulate() {
        assertThat(postProcessed(RequiredSettingsTest.complete()).getProperty("notify.broadcasts.proxy")).isEqualTo("lambda");

        Map<String, String> simulating = new HashMap<>(RequiredSettingsTest.complete());
        simulating.put("NOTIFY_CBC_PROXY", "simulated");
        assertThat(postProcessed(simulating).getProperty("notify.broadcasts.proxy")).isEqualTo("simulated");
    }

    private static StandardEnvironment postProcessed(Map<String, String> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", new HashMap<>(variables)));
        // as application.yml reads the variable, before this post-processor runs
        env.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("notify.broadcasts.proxy", "${NOTIFY_CBC_PROXY:}")));
        new LocalDefaultEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
