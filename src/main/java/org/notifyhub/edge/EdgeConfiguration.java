package org.notifyhub.edge;

import java.util.List;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The HTTP edge: every error the hub gives outside a route, from Tomcat, the security firewall or Spring MVC, and
 * the 503 while the node starts, comes in the endpoint's JSON envelope (EdgeErrorBodies).
 */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    /** Replaces Spring Boot's BasicErrorController (it steps aside for any ErrorController bean). */
    @Bean
    public EdgeErrorController edgeErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                                   ObjectProvider<ErrorViewResolver> resolvers, EdgeErrorBodies bodies) {
        return new EdgeErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList(), bodies);
    }

    /** Spring Security's FilterChainProxy takes this bean in place of its plain 400. */
    @Bean
    public RequestRejectedHandler jsonRequestRejectedHandler(EdgeErrorBodies bodies) {
        return new JsonRequestRejectedHandler(bodies);
    }

    /** First of all filters, so nothing of a request runs before the node is ready. */
    @Bean
    public FilterRegistrationBean<StartingFilter> startingFilter(ApplicationAvailability availability, EdgeErrorBodies bodies) {
        FilterRegistrationBean<StartingFilter> registration = new FilterRegistrationBean<>(new StartingFilter(availability, bodies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Just inside Spring Security's filter chain, whose firewall answers what this filter makes it read. */
    @Bean
    public FilterRegistrationBean<FirewallReadsEagerlyFilter> firewallReadsEagerlyFilter() {
        FilterRegistrationBean<FirewallReadsEagerlyFilter> registration = new FilterRegistrationBean<>(new FirewallReadsEagerlyFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Tomcat's host keeps one error report valve (Spring Boot adds a plain one): ours replaces it. Unordered, this
     * customizer runs after Spring Boot's, so its context customizer does too.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(EdgeErrorBodies bodies) {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : List.of(pipeline.getValves())) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
            pipeline.addValve(new JsonErrorReportValve(bodies));
        });
    }
}
