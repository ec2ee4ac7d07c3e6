package org.notifyhub.api.v2;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.common.Outages;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.common.V2ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns a failed v2 exchange into Notify's error envelope. */
@Component
public class V2ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(V2ErrorResponses.class);

    public record ErrorEntry(String error, String message) {
    }

    public record ErrorEnvelope(int status_code, List<ErrorEntry> errors) {
    }

    public int statusOf(ErrorEnvelope envelope) {
        return envelope.status_code();
    }

    public ErrorEnvelope toEnvelope(@Header(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        if (exception instanceof V2ValidationException validation) {
            return new ErrorEnvelope(400, validation.messages().stream()
                    .map(message -> new ErrorEntry(validation.error(), message)).toList());
        }
        if (exception instanceof V2ApiException api) {
            return new ErrorEnvelope(api.status(), List.of(new ErrorEntry(api.error(), api.getMessage())));
        }
        if (Outages.isOutage(exception)) {
            log.warn("A v2 request met an outage: {}", exception.toString());
            return new ErrorEnvelope(503, List.of(new ErrorEntry(Outages.ERROR, Outages.MESSAGE)));
        }
        log.error("Unexpected error serving a v2 request", exception);
        return new ErrorEnvelope(500, List.of(new ErrorEntry("Exception", "Internal server error")));
    }
}
