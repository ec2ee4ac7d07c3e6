package org.notifyhub.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat listens before the Camel routes exist (under load, for up to minutes): until the node is ready, the API
 * answers 503 in its envelope, so a caller or a load balancer retries instead of taking a 404 for an answer.
 * Operator endpoints (health, readiness) answer as ever.
 */
class StartingFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final EdgeErrorBodies bodies;

    StartingFilter(ApplicationAvailability availability, EdgeErrorBodies bodies) {
        this.availability = availability;
        this.bodies = bodies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || !bodies.answers(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json");
        response.getOutputStream().write(bodies.json(request.getRequestURI(), 503, EdgeErrorBodies.STARTING));
    }
}
