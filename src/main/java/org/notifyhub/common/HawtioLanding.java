package org.notifyhub.common;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * hawtio opens its Camel view on the diagram of the whole context: for the hub's 240 routes, a drawing the browser
 * needs tens of seconds for, redrawn from a 234 KB statistics dump every two seconds. An operator opening the console
 * lands on the routes table instead (every route with its state and statistics, drawn in seconds), and opens one
 * route's diagram from there.
 */
@Configuration
public class HawtioLanding {

    static final String ROUTES_TABLE = "/actuator/hawtio/camel/routes";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> hawtioOpensOnTheRoutesTable() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws IOException, ServletException {
                if ("GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
                    response.sendRedirect(request.getContextPath() + ROUTES_TABLE);
                } else {
                    chain.doFilter(request, response);
                }
            }
        });
        registration.addUrlPatterns("/actuator/hawtio", "/actuator/hawtio/", "/actuator/hawtio/camel",
                "/actuator/hawtio/camel/");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
