package org.notifyhub.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.notifyhub.api.v2.V2JsonBodyFilter;
import org.springframework.stereotype.Component;

/**
 * Reads admin request bodies as JSON whatever their content type, as the v2 API does: a JSON body sent as a form
 * (curl's default) would otherwise be parsed into parameters and fail before the route runs.
 */
@Component
public class AdminJsonBodyFilter extends V2JsonBodyFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/service") || path.startsWith("/service/") || path.equals("/inbound-number")
                || path.startsWith("/inbound-number/"));
    }
}
