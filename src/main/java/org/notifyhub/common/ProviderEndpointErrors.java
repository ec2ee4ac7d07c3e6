package org.notifyhub.common;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Notify's error answers on the provider-facing endpoints: {@code {"result": "error", "message": …}}. */
@Component
public class ProviderEndpointErrors {

    private static final Logger log = LoggerFactory.getLogger(ProviderEndpointErrors.class);

    /** @param message a list of texts for a receipt missing fields, otherwise one text */
    public record ErrorBody(String result, Object message) {
    }

    public ErrorBody toBody(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        if (exception instanceof ProviderRequestException refused) {
            return new ErrorBody("error", refused.bodyMessage());
        }
        log.error("Unexpected error serving a provider's request", exception);
        return new ErrorBody("error", "Internal server error");
    }

    public int statusOf(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        return exception instanceof ProviderRequestException refused ? refused.status() : 500;
    }
}
