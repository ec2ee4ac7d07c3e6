package org.notifyhub.admin;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.notifyhub.auth.AdminAuthException;
import org.notifyhub.common.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Turns a failed admin exchange into Notify's non-v2 envelope: {"result": "error", "message": ...}. */
@Component
public class AdminErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(AdminErrorResponses.class);

    public record ErrorEnvelope(String result, Object message) {
    }

    public ErrorEnvelope toEnvelope(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        if (exception instanceof AdminApiException api) {
            return new ErrorEnvelope("error", api.body());
        }
        if (exception instanceof AdminAuthException auth) {
            return new ErrorEnvelope("error", Map.of("token", List.of(auth.getMessage())));
        }
        if (exception instanceof DataIntegrityViolationException) {
            log.info("Admin request refused by the database", exception);
            return new ErrorEnvelope("error", AdminApiException.NO_RESULT_FOUND);
        }
        if (Outages.isOutage(exception)) {
            log.warn("An admin request met an outage: {}", exception.toString());
            return new ErrorEnvelope("error", Outages.MESSAGE);
        }
        log.error("Unexpected error serving an admin request", exception);
        return new ErrorEnvelope("error", "Internal server error");
    }

    public int statusOf(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        if (exception instanceof AdminApiException api) {
            return api.status();
        }
        if (exception instanceof AdminAuthException auth) {
            return auth.status();
        }
        // What the checks before it let through and the database refuses, Notify answers as DataError: 404.
        if (exception instanceof DataIntegrityViolationException) {
            return 404;
        }
        return Outages.isOutage(exception) ? 503 : 500;
    }
}
