package org.notifyhub.common;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Camel would copy every exchange header onto the HTTP response, including the caller's own Authorization header
 * and internal ones. Only the headers a response is meant to carry leave the hub.
 */
@Component("responseHeaderFilterStrategy")
public class ResponseHeaderFilterStrategy extends HttpHeaderFilterStrategy {

    /**
     * Set by a route that cleared the request's headers: its page headers (a cookie, caching, robots, a wait) may go
     * too.
     */
    public static final String PAGE_HEADERS = "notifyPageHeaders";

    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-disposition", "location");
    private static final Set<String> PAGE_RESPONSE_HEADERS = Set.of("set-cookie", "cache-control", "x-robots-tag",
            "referrer-policy", "x-content-type-options", "retry-after");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        String name = headerName.toLowerCase(Locale.ROOT);
        boolean allowed = RESPONSE_HEADERS.contains(name) || PAGE_RESPONSE_HEADERS.contains(name)
                && Boolean.TRUE.equals(exchange.getProperty(PAGE_HEADERS, Boolean.class));
        return !allowed || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
