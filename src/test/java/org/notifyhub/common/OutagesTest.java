package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.notifyhub.api.v2.V2ErrorResponses;
import org.notifyhub.api.v2.V2ErrorResponses.ErrorEntry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that is away is an outage (503, the client retries); a broken request or bug is not. */
class OutagesTest {

    private final V2ErrorResponses v2 = new V2ErrorResponses();

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutage() {
        Exception noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms"));
        Exception noTransaction = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
        Exception shuttingDown = new UncategorizedSQLException("insert", "INSERT INTO notifications",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThat(Outages.isOutage(noConnection)).isTrue();
        assertThat(Outages.isOutage(noTransaction)).isTrue();
        assertThat(Outages.isOutage(shuttingDown)).isTrue();
        assertThat(v2.toEnvelope(shuttingDown)).satisfies(envelope -> {
            assertThat(envelope.status_code()).isEqualTo(503);
            assertThat(envelope.errors()).containsExactly(new ErrorEntry("ServiceUnavailable", "Service unavailable, try again later"));
        });
    }

    @Test
    void aRefusedStatementOrABugIsNot() {
        Exception refused = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505"));

        assertThat(Outages.isOutage(refused)).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("bug"))).isFalse();
        assertThat(v2.toEnvelope(new IllegalStateException("bug")).status_code()).isEqualTo(500);
    }
}
