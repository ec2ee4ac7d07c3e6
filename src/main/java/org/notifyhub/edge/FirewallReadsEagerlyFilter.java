package org.notifyhub.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall checks a header or a parameter only when something reads it: deep in a route or in
 * Spring MVC that turned into a 500 (and a whitelabel page once the error page read it again). Read them all here,
 * just inside the security filter chain, so a refusal comes out of it as the firewall's 400 in the envelope. A form
 * body is never parsed for it: its parameters stay unread until the endpoint reads its body.
 */
class FirewallReadsEagerlyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getHeaderNames())) {
            Collections.list(request.getHeaders(name));
        }
        if (!carriesForm(request.getContentType())) {
            request.getParameterMap().forEach((name, values) -> { });
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/");
    }
}
