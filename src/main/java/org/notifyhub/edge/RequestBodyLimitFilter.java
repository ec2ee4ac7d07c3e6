package org.notifyhub.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.notifyhub.admin.Wording;
import org.notifyhub.common.RequestPaths;
import org.notifyhub.common.StrictUtf8;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body before anything else does, counting bytes as they arrive: a chunked body has no
 * Content-Length to check, so the limit must hold for what is read. Past the limit the request gets 413 in its
 * endpoint's error envelope and nothing runs. JSON endpoints (v2 and admin) also get their body decoded strictly as
 * UTF-8 here, so bytes that are not text are refused as Notify refuses JSON it cannot decode, never half-read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final EdgeErrorBodies bodies;

    public RequestBodyLimitFilter(@Value("${notify.api.max-body-bytes}") long maxBodyBytes, EdgeErrorBodies bodies) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodies = bodies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(response, path, 413, "Request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            refuse(response, path, 413, "Request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        boolean utf8 = StrictUtf8.isValid(body);
        if (RequestPaths.isJsonApi(path) && !utf8) {
            refuse(response, path, 400, Wording.INVALID_JSON);
            return;
        }
        ReadRequestBody read = new ReadRequestBody(request, body, !RequestPaths.isJsonApi(path),
                RequestPaths.isFileUpload(path) ? Boolean.toString(utf8) : null);
        chain.doFilter(read, response);
    }

    private void refuse(HttpServletResponse response, String path, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(bodies.json(path, status, message));
    }
}
