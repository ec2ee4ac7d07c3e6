package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
