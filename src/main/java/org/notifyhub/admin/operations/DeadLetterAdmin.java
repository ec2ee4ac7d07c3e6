package org.notifyhub.admin.operations;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.queues.DeadLetter;
import org.notifyhub.queues.DeadLetters;
import org.springframework.stereotype.Component;

/** The operator's dead-letter endpoints: what gave up, and sending it again once the cause is mended. */
@Component
public class DeadLetterAdmin {

    private static final int DEFAULT_MAX = 100;
    private static final int MAX = 1000;

    private final DeadLetters deadLetters;

    public DeadLetterAdmin(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** GET /platform-admin/dead-letters[?max=n] */
    public Data<List<DeadLetter>> list(@Header(Exchange.HTTP_QUERY) String query) {
        return new Data<>(deadLetters.list(max(query)));
    }

    /** POST /platform-admin/dead-letters/replay[?max=n] */
    public Data<DeadLetters.Replayed> replay(@Header(Exchange.HTTP_QUERY) String query) {
        return new Data<>(deadLetters.replay(max(query)));
    }

    private static int max(String query) {
        String value = QueryParameters.parse(query).first("max");
        if (value == null) {
            return DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(value);
            if (max < 1 || max > MAX) {
                throw new NumberFormatException(value);
            }
            return max;
        } catch (NumberFormatException e) {
            throw AdminApiException.badRequest("max must be a whole number from 1 to " + MAX);
        }
    }
}
