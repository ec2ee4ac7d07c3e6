package org.notifyhub.limits;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bound on a lease's own transaction ({@code notify.limits.lease-timeout}): each later statement, its wait for
 * the row lock included, is cancelled after that long, so a locked or slow limits row costs a send a 503
 * ({@link LeaseWait}), never an open-ended wait. (A record, so a component: a repository would be proxied.)
 */
@Component
public record LeaseTimeoutRepository(JdbcClient jdbc,
                                     @Value("${notify.limits.lease-timeout:2s}") Duration timeout) {

    /** SET LOCAL statement_timeout: it ends with the current transaction. */
    void boundCurrentTransaction() {
        jdbc.sql("SELECT set_config('statement_timeout', :millis, true)")
                .param("millis", String.valueOf(timeout.toMillis()))
                .query(String.class).single();
    }
}
