package org.notifyhub.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Set on a file upload's request, "true" or "false" (whatever the client sent): the HTTP binding hands the body
     * on through a lenient reader, so only here is it known whether the bytes were UTF-8.
     */
    public static final String BODY_IS_UTF8 = "Notify-Body-Is-Utf8";

    /** Notify's text for a body its JSON parser cannot read, on the v2 and the admin API alike. */
    public static final String INVALID_JSON = "Invalid JSON supplied in POST data";

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    public RequestBodyLimitFilter(@Value("${notify.api.max-body-bytes}") long maxBodyBytes, ObjectMapper mapper) {
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = mapper;
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
        boolean utf8 = isUtf8(body);
        if (RequestPaths.isJsonApi(path) && !utf8) {
            refuse(response, path, 400, INVALID_JSON);
            return;
        }
        ReadBody read = new ReadBody(request, body, !RequestPaths.isJsonApi(path),
                RequestPaths.isFileUpload(path) ? Boolean.toString(utf8) : null);
        chain.doFilter(read, response);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException notText) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, String path, int status, String message) throws IOException {
        Object envelope = RequestPaths.isV2(path)
                ? Map.of("status_code", status, "errors", List.of(Map.of("error", "BadRequestError", "message", message)))
                : Map.of("result", "error", "message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        mapper.writeValue(response.getOutputStream(), envelope);
    }

    /**
     * The request with its body already read: served from memory, with its true length. The container cannot parse
     * a form from a body it no longer has, so a form's fields (the SMS providers post forms) are parsed from memory.
     */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final boolean formFields;
        private final String bodyIsUtf8;
        private Map<String, String[]> parameters;

        ReadBody(HttpServletRequest request, byte[] body, boolean formFields, String bodyIsUtf8) {
            super(request);
            this.body = body;
            this.formFields = formFields;
            this.bodyIsUtf8 = bodyIsUtf8;
        }

        @Override
        public String getHeader(String name) {
            return BODY_IS_UTF8.equalsIgnoreCase(name) ? bodyIsUtf8 : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (BODY_IS_UTF8.equalsIgnoreCase(name)) {
                return Collections.enumeration(bodyIsUtf8 == null ? List.of() : List.of(bodyIsUtf8));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf(BODY_IS_UTF8::equalsIgnoreCase);
            if (bodyIsUtf8 != null) {
                names.add(BODY_IS_UTF8);
            }
            return Collections.enumeration(names);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, List<String>> all = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>())
                        .addAll(Arrays.asList(values)));
                String type = getContentType();
                if (formFields && type != null
                        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : Charset.forName(getCharacterEncoding());
                    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                        if (!pair.isEmpty()) {
                            int equals = pair.indexOf('=');
                            all.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals), charset),
                                    n -> new ArrayList<>()).add(equals < 0 ? "" : decode(pair.substring(equals + 1), charset));
                        }
                    }
                }
                Map<String, String[]> arrays = new LinkedHashMap<>();
                all.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(arrays);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        private static String decode(String text, Charset charset) {
            try {
                return URLDecoder.decode(text, charset);
            } catch (IllegalArgumentException malformed) {
                return text;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }
}
