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

    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-disposition", "location");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
