package org.notifyhub.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** One UTC clock for the whole hub, so tests can move time without sleeping. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
