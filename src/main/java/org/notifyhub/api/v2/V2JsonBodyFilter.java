package org.notifyhub.api.v2;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notify reads every v2 request body as JSON whatever its content type says. Presenting it as JSON keeps the HTTP
 * binding from parsing a body sent as a form (curl's default) into parameters and failing before the route runs.
 * A body larger than any real request is refused before it is read, in the v2 error envelope.
 */
@Component
public class V2JsonBodyFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;

    public V2JsonBodyFilter(@Value("${notify.api.max-body-bytes}") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v2/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.getWriter().write("{\"status_code\": 413, \"errors\": [{\"error\": \"BadRequestError\", "
                    + "\"message\": \"Request body is larger than " + maxBodyBytes + " bytes\"}]}");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return "application/json";
            }

            @Override
            public String getHeader(String name) {
                return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
            }
        }, response);
    }
}
