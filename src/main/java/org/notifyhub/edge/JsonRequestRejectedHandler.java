package org.notifyhub.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Spring Security's firewall (a "//", ";", "%2e" or a control character in the path): 400 in the endpoint's envelope. */
class JsonRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonRequestRejectedHandler.class);

    private final EdgeErrorBodies bodies;

    JsonRequestRejectedHandler(EdgeErrorBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Request refused by the firewall: {}", rejected.getMessage());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getOutputStream().write(bodies.json(request.getRequestURI(), 400));
    }
}
