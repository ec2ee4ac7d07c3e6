package org.notifyhub.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every public API request under Notify's metric names,
 * {@code notifications.api.{METHOD}.{blueprint}.{view}.{status}}, e.g.
 * {@code notifications.api.POST.v2_notifications.post_notification.201}.
 */
@Component
public class ApiTimers extends OncePerRequestFilter {

    private record Endpoint(String method, Pattern path, String name) {
    }

    private static final String UUID = "[0-9a-fA-F-]{36}";
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", Pattern.compile("/v2/notifications/(sms|email|letter)"), "v2_notifications.post_notification"),
            new Endpoint("GET", Pattern.compile("/v2/notifications/[^/]+/pdf"), "v2_notifications.get_pdf_for_notification"),
            new Endpoint("GET", Pattern.compile("/v2/notifications/[^/]+"), "v2_notifications.get_notification_by_id"),
            new Endpoint("GET", Pattern.compile("/v2/notifications/?"), "v2_notifications.get_notifications"),
            new Endpoint("GET", Pattern.compile("/v2/template/" + UUID + "/version/[^/]+"), "v2_template.get_template_by_id"),
            new Endpoint("GET", Pattern.compile("/v2/template/[^/]+"), "v2_template.get_template_by_id"),
            new Endpoint("POST", Pattern.compile("/v2/template/[^/]+/preview"), "v2_template.post_template_preview"),
            new Endpoint("GET", Pattern.compile("/v2/templates/?"), "v2_templates.get_templates"),
            new Endpoint("GET", Pattern.compile("/v2/received-text-messages/?"), "v2_inbound_sms.get_inbound_sms"));

    private final MeterRegistry registry;

    public ApiTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isV2(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        chain.doFilter(request, response);
        // Camel answers asynchronously: the status is known only once the async request completes.
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    record(request, response, start);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        } else {
            record(request, response, start);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        String name = ENDPOINTS.stream()
                .filter(e -> e.method().equals(request.getMethod()) && e.path().matcher(request.getRequestURI()).matches())
                .map(Endpoint::name)
                .findFirst()
                .orElse("v2.unknown");
        Timer.builder("notifications.api." + request.getMethod() + "." + name + "." + response.getStatus())
                .description("Public API requests, named as GOV.UK Notify names them")
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
