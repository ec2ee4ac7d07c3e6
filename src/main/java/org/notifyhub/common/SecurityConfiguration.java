package org.notifyhub.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * The API authenticates its own callers (Notify JWTs), so Spring Security guards only the operator endpoints:
 * open on the local default, behind the configured operator credentials anywhere else, and shut when none are set.
 * Health stays open for load balancers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http,
                                           @Value("${notify.local.enabled:false}") boolean localDefault,
                                           @Value("${notify.ops.username:}") String username,
                                           @Value("${notify.ops.password:}") String password) throws Exception {
        // Only operator endpoints pass through Spring Security; an API request's own Authorization header
        // (Notify JWTs, or a wrong Basic one) must reach the API and get Notify's error texts.
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.disable());
        boolean credentialsSet = StringUtils.hasText(username) && StringUtils.hasText(password);
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
            if (localDefault) {
                auth.requestMatchers("/actuator/**").permitAll();
            } else if (credentialsSet) {
                auth.requestMatchers("/actuator/**").hasRole("OPERATOR");
            } else {
                auth.requestMatchers("/actuator/**").denyAll();
            }
        });
        return http.build();
    }

    @Bean
    public UserDetailsService operators(@Value("${notify.ops.username:}") String username,
                                        @Value("${notify.ops.password:}") String password) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (StringUtils.hasText(username) && StringUtils.hasText(password)) {
            users.createUser(User.withUsername(username).password(encoder.encode(password)).roles("OPERATOR").build());
        }
        return users;
    }
}
