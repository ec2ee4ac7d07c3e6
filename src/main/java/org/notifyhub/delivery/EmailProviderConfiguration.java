package org.notifyhub.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** notify.email.provider picks the provider live keys send through; the simulator is always there for test keys. */
@Configuration(proxyBeanMethods = false)
public class EmailProviderConfiguration {

    @Bean
    @Primary
    public EmailProvider emailProvider(@Value("${notify.email.provider}") String name, SimulatedEmailProvider simulator,
                                       ObjectProvider<SesEmailProvider> ses) {
        return switch (name) {
            case "simulated" -> simulator;
            case "ses" -> ses.getObject();
            default -> throw new IllegalStateException("notify.email.provider must be 'simulated' or 'ses' but was " + name);
        };
    }
}
