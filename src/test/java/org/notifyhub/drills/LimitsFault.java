package org.notifyhub.drills;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A fault on the limits' shared rows, from a connection of the drill's own, held until closed: the service's rows
 * locked by a transaction left open (slow: every lease waits on them), or both tables renamed away and committed
 * (failing: every lease statement errors), as a stuck session or a bad migration would leave them.
 */
final class LimitsFault implements AutoCloseable {

    private static final List<String> TABLES = List.of("rate_limit_buckets", "daily_limit_counters");
    private static final String AWAY = "_away";

    private final Connection connection;
    private final boolean renamed;

    private LimitsFault(String jdbcUrl, boolean renamed) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        this.renamed = renamed;
        connection.setAutoCommit(false);
    }

    /** Locks every limits row of the service (FOR UPDATE) in a transaction open until {@link #close()}. */
    static LimitsFault lockRows(String jdbcUrl, UUID serviceId) throws SQLException {
        LimitsFault fault = new LimitsFault(jdbcUrl, false);
        for (String table : TABLES) {
            try (PreparedStatement lock = fault.connection.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE service_id = ? FOR UPDATE")) {
                lock.setObject(1, serviceId);
                lock.executeQuery().close();
            }
        }
        return fault;
    }

    /** Renames both tables away (committed) until {@link #close()} renames them back. */
    static LimitsFault tablesGone(String jdbcUrl) throws SQLException {
        LimitsFault fault = new LimitsFault(jdbcUrl, true);
        for (String table : TABLES) {
            fault.rename(table, table + AWAY);
        }
        fault.connection.commit();
        return fault;
    }

    private void rename(String from, String to) throws SQLException {
        try (PreparedStatement rename = connection.prepareStatement("ALTER TABLE " + from + " RENAME TO " + to)) {
            rename.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
            if (renamed) {
                for (String table : TABLES) {
                    rename(table + AWAY, table);
                }
                connection.commit();
            }
        }
    }
}
