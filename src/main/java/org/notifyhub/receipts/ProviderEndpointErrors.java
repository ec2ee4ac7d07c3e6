package org.notifyhub.receipts;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.notifyhub.inbound.InboundSmsAuthException;
import org.notifyhub.inbound.InvalidInboundSmsException;
import org.notifyhub.receipts.mapping.InvalidReceiptException;
import org.notifyhub.receipts.sns.InvalidSnsMessageException;
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
        if (exception instanceof InvalidReceiptException invalid) {
            return new ErrorBody("error", invalid.messages());
        }
        if (exception instanceof InboundSmsAuthException || exception instanceof InvalidInboundSmsException
                || exception instanceof InvalidSnsMessageException) {
            return new ErrorBody("error", exception.getMessage());
        }
        log.error("Unexpected error serving a provider's request", exception);
        return new ErrorBody("error", "Internal server error");
    }

    public int statusOf(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        if (exception instanceof InboundSmsAuthException auth) {
            return auth.status();
        }
        if (exception instanceof InvalidSnsMessageException) {
            return 403;
        }
        return exception instanceof InvalidReceiptException || exception instanceof InvalidInboundSmsException ? 400 : 500;
    }
}
