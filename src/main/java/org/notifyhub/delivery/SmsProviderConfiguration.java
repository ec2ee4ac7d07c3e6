package org.notifyhub.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** notify.sms.provider picks how live keys' text messages go out; the simulator is always there for test keys. */
@Configuration(proxyBeanMethods = false)
public class SmsProviderConfiguration {

    @Bean
    @Primary
    public SmsProvider smsProvider(@Value("${notify.sms.provider:simulated}") String name, SimulatedSmsProvider simulator) {
        return switch (name) {
            case "simulated" -> simulator;
            default -> throw new IllegalStateException("notify.sms.provider must be 'simulated' but was " + name);
        };
    }
}
