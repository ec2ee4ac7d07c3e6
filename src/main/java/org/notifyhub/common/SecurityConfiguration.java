package org.notifyhub.common;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.io.IOException;
import java.io.InputStream;
import org.jolokia.server.core.restrictor.AllowAllRestrictor;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The API authenticates its own callers (Notify JWTs), so Spring Security guards only the operator endpoints: behind
 * the operator credentials when they are set, open on a local default without them (it listens on loopback only),
 * and shut anywhere else. Health stays open for load balancers; the statistics pages (services' data) need the
 * credentials even on a local default, and are shut without them. Without credentials Jolokia may only look, never
 * write an attribute or run an operation (Camel's sendBody to a file: endpoint would write files as the hub).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The statistics page and the JSON it reads (admin/statistics/StatisticsPages). */
    private static final String STATISTICS_PAGES = "/statistics/**";

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http,
                                           @Value("${notify.local.enabled:false}") boolean localDefault,
                                           @Value("${notify.ops.username:}") String username,
                                           @Value("${notify.ops.password:}") String password) throws Exception {
        // Ant matching, not MVC matching: Jolokia is a servlet of its own, which an MVC matcher would not see.
        // Only operator endpoints pass through Spring Security; an API request's own Authorization header
        // (Notify JWTs, or a wrong Basic one) must reach the API and get Notify's error texts.
        http.securityMatcher(new OrRequestMatcher(antMatcher("/actuator/**"), antMatcher(STATISTICS_PAGES)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.disable());
        boolean credentialsSet = credentialsSet(username, password);
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**")).permitAll();
            // Services' statistics are never open without the operators' credentials, local default included.
            if (credentialsSet) {
                auth.requestMatchers(antMatcher(STATISTICS_PAGES)).hasRole("OPERATOR");
            } else {
                auth.requestMatchers(antMatcher(STATISTICS_PAGES)).denyAll();
            }
            if (credentialsSet) {
                auth.anyRequest().hasRole("OPERATOR");
            } else if (localDefault) {
                auth.anyRequest().permitAll();
            } else {
                auth.anyRequest().denyAll();
            }
        });
        return http.build();
    }

    /** Jolokia's servlet takes a Restrictor bean as its access policy, in place of any jolokia-access.xml. */
    @Bean
    public Restrictor jolokiaRestrictor(@Value("${notify.ops.username:}") String username,
                                        @Value("${notify.ops.password:}") String password) throws IOException {
        if (credentialsSet(username, password)) {
            return new AllowAllRestrictor();
        }
        try (InputStream policy = new ClassPathResource("jolokia/read-only-access.xml").getInputStream()) {
            return new PolicyRestrictor(policy);
        }
    }

    private static boolean credentialsSet(String username, String password) {
        return StringUtils.hasText(username) && StringUtils.hasText(password);
    }

    @Bean
    public UserDetailsService operators(@Value("${notify.ops.username:}") String username,
                                        @Value("${notify.ops.password:}") String password) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (credentialsSet(username, password)) {
            users.createUser(User.withUsername(username).password(encoder.encode(password)).roles("OPERATOR").build());
        }
        return users;
    }
}
