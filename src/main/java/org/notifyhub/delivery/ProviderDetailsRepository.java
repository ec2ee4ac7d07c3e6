package org.notifyhub.delivery;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for provider_details: which SMS providers are active, and their priorities. */
@Repository
public class ProviderDetailsRepository {

    private static final String ACTIVE_SMS = """
            SELECT identifier, priority, supports_international, updated_at FROM provider_details
            WHERE notification_type = 'sms' AND active ORDER BY identifier""";

    private final JdbcClient jdbc;

    public ProviderDetailsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SmsProviderDetails> activeSmsProviders() {
        return jdbc.sql(ACTIVE_SMS).query(SmsProviderDetails.class).list();
    }

    /** The same rows, locked until the caller's transaction ends, so two nodes never shift priorities at once. */
    public List<SmsProviderDetails> lockActiveSmsProviders() {
        return jdbc.sql(ACTIVE_SMS + " FOR UPDATE").query(SmsProviderDetails.class).list();
    }

    public void updatePriority(String identifier, int priority, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE provider_details SET priority = :priority, updated_at = :now, version = version + 1
                        WHERE identifier = :identifier""")
                .param("priority", priority)
                .param("now", now)
                .param("identifier", identifier)
                .update();
    }
}
