package org.notifyhub.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that mean a dependency is away (the database stopped, restarting or out of connections), not that the
 * request was wrong or the hub broken: the API answers 503, so a client retries, instead of 500.
 */
public final class Outages {

    public static final String ERROR = "ServiceUnavailable";
    public static final String MESSAGE = "Service unavailable, try again later";

    /** PostgreSQL's SQLSTATEs for a server shutting down, crashed, starting, or out of connection slots. */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
