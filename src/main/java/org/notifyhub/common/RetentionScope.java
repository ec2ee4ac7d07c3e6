package org.notifyhub.common;

import java.util.UUID;

/**
 * Which rows a retention purge reaches, as SQL to append to a WHERE clause: one service's (bound as
 * {@code :serviceId}), or, when no service is given, every service's that has no retention of its own for the type
 * (they are purged at the default; a service with its own retention is purged at its own, separately).
 */
public final class RetentionScope {

    private RetentionScope() {
    }

    /**
     * @param serviceId      the one service, or null for every service without its own retention
     * @param serviceColumn  the rows' service id column, qualified as the query needs
     * @param typeExpression the rows' notification type: a column, a parameter or a literal
     */
    public static String where(UUID serviceId, String serviceColumn, String typeExpression) {
        return serviceId != null ? " AND " + serviceColumn + " = :serviceId"
                : " AND NOT EXISTS (SELECT 1 FROM service_data_retention r WHERE r.service_id = " + serviceColumn
                        + " AND r.notification_type = " + typeExpression + ")";
    }
}
