package org.notifyhub.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.notifyhub.common.StrictUtf8;

/**
 * The request with its body already read: served from memory, with its true length. The container cannot parse
 * a form from a body it no longer has, so a form's fields (the SMS providers post forms) are parsed from memory.
 */
final class ReadRequestBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean formFields;
    private final String bodyIsUtf8;
    private Map<String, String[]> parameters;

    ReadRequestBody(HttpServletRequest request, byte[] body, boolean formFields, String bodyIsUtf8) {
        super(request);
        this.body = body;
        this.formFields = formFields;
        this.bodyIsUtf8 = bodyIsUtf8;
    }

    @Override
    public String getHeader(String name) {
        return StrictUtf8.BODY_IS_UTF8_HEADER.equalsIgnoreCase(name) ? bodyIsUtf8 : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (StrictUtf8.BODY_IS_UTF8_HEADER.equalsIgnoreCase(name)) {
            return Collections.enumeration(bodyIsUtf8 == null ? List.of() : List.of(bodyIsUtf8));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
        names.removeIf(StrictUtf8.BODY_IS_UTF8_HEADER::equalsIgnoreCase);
        if (bodyIsUtf8 != null) {
            names.add(StrictUtf8.BODY_IS_UTF8_HEADER);
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

            /** The whole body is in memory, so a non-blocking reader hears at once that it is there and complete. */
            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    if (in.available() > 0) {
                        listener.onDataAvailable();
                    }
                    listener.onAllDataRead();
                } catch (IOException | RuntimeException e) {
                    listener.onError(e);
                }
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
