package org.notifyhub.broadcasts;

import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a service a broadcast service, as Notify's set_broadcast_service_type: its channel and operator in
 * service_broadcast_settings, the broadcast permission in place of every other (email_auth aside), and training
 * (restricted) or live mode.
 */
@Repository
public class BroadcastSettingsRepository {

    private final JdbcClient jdbc;

    public BroadcastSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void setBroadcastService(UUID serviceId, String channel, String provider, boolean live, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO service_broadcast_settings (service_id, channel, provider, created_at)
                        VALUES (:serviceId, :channel, :provider, :now)
                        ON CONFLICT (service_id) DO UPDATE
                           SET channel = :channel, provider = :provider, updated_at = :now""")
                .param("serviceId", serviceId).param("channel", channel).param("provider", provider)
                .param("now", now).update();
        jdbc.sql("""
                        DELETE FROM service_permissions
                         WHERE service_id = :serviceId AND permission NOT IN ('broadcast', 'email_auth')""")
                .param("serviceId", serviceId).update();
        jdbc.sql("""
                        INSERT INTO service_permissions (service_id, permission, created_at)
                        VALUES (:serviceId, 'broadcast', :now) ON CONFLICT DO NOTHING""")
                .param("serviceId", serviceId).param("now", now).update();
        jdbc.sql("""
                        UPDATE services SET restricted = :restricted, updated_at = :now, version = version + 1
                         WHERE id = :serviceId""")
                .param("restricted", !live).param("now", now).param("serviceId", serviceId).update();
    }
}
