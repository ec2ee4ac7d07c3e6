package org.notifyhub.letters.responses;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/** PostgreSQL array parameters, so one statement can carry a whole file's references (unnest, = ANY). */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static AbstractSqlTypeValue of(String elementType, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(elementType, values);
            }
        };
    }
}
