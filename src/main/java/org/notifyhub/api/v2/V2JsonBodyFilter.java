package org.notifyhub.api.v2;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.notifyhub.common.RequestPaths;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notify reads every v2 request body as JSON whatever its content type says. Presenting it as JSON keeps the HTTP
 * binding from parsing a body sent as a form (curl's default) into parameters and failing before the route runs.
 * (Its size and its bytes are checked before this, by edge/RequestBodyLimitFilter.) POST /v2/broadcast is left alone:
 * its body is CAP XML and its content type is part of Notify's answer.
 */
@Component
public class V2JsonBodyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isV2(request.getRequestURI()) || RequestPaths.isCapXml(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return "application/json";
            }

            @Override
            public String getCharacterEncoding() {
                return "UTF-8";
            }

            @Override
            public String getHeader(String name) {
                return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
            }
        }, response);
    }
}
