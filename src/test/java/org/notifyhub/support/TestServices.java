package org.notifyhub.support;

import java.util.List;
import java.util.UUID;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.ServiceCache;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates services, keys and templates straight through the repositories, for tests that need their own. A change
 * made here with SQL stands in for one made through the admin API, so it evicts this node's {@link ServiceCache} as
 * the admin API does.
 */
public class TestServices {

    public static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    private final ServiceRepository services;
    private final ApiKeyRepository apiKeys;
    private final TemplateRepository templates;
    private final SenderRepository senders;
    private final JdbcClient jdbc;
    private final ServiceCache cache;

    public TestServices(ServiceRepository services, ApiKeyRepository apiKeys, TemplateRepository templates,
                        SenderRepository senders, JdbcClient jdbc, ServiceCache cache) {
        this.services = services;
        this.apiKeys = apiKeys;
        this.templates = templates;
        this.senders = senders;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public record TestService(UUID id, String normalKey, String teamKey, String testKey, UUID smsTemplate,
                              UUID emailTemplate, UUID letterTemplate) {
    }

    public TestService create(boolean restricted, List<String> permissions) {
        return create(UUID.randomUUID(), restricted, permissions);
    }

    public TestService create(UUID id, boolean restricted, List<String> permissions) {
        String suffix = id.toString().substring(0, 8);
        services.insert(new ServiceRepository.NewService(id, "Test service " + suffix, restricted, "test.service." + suffix,
                true, 3000, permissions, SYSTEM_USER));
        UUID sms = UUID.randomUUID();
        templates.insert(sms, id, "SMS", "sms", null, "Hi ((name))", SYSTEM_USER);
        UUID email = UUID.randomUUID();
        templates.insert(email, id, "Email", "email", "Subject ((name))", "Dear ((name))", SYSTEM_USER);
        UUID letter = UUID.randomUUID();
        templates.insert(letter, id, "Letter", "letter", "Letter for ((name))", "Dear ((name))", SYSTEM_USER);
        return new TestService(id, key(id, KeyType.NORMAL.wireName()), key(id, KeyType.TEAM.wireName()),
                key(id, KeyType.TEST.wireName()), sms, email, letter);
    }

    public void setDailyLimit(UUID serviceId, String channel, long limit) {
        jdbc.sql("UPDATE services SET " + channel + "_message_limit = :limit WHERE id = :id")
                .param("limit", limit).param("id", serviceId).update();
        cache.evict(serviceId);
    }

    public void setRateLimit(UUID serviceId, int limit) {
        jdbc.sql("UPDATE services SET rate_limit = :limit WHERE id = :id").param("limit", limit).param("id", serviceId).update();
        cache.evict(serviceId);
    }

    public void addToGuestList(UUID serviceId, String type, String recipient) {
        jdbc.sql("INSERT INTO service_whitelist (id, service_id, recipient_type, recipient) VALUES (:id, :s, :t, :r)")
                .param("id", UUID.randomUUID()).param("s", serviceId).param("t", type).param("r", recipient).update();
    }

    /** Contact details for recipients: what Notify requires before a service may send files by email. */
    public void setContactLink(UUID serviceId, String contactLink) {
        jdbc.sql("UPDATE services SET contact_link = :link WHERE id = :id").param("link", contactLink)
                .param("id", serviceId).update();
        cache.evict(serviceId);
    }

    public void archive(UUID serviceId) {
        jdbc.sql("UPDATE services SET active = false WHERE id = :id").param("id", serviceId).update();
        cache.evict(serviceId);
    }

    public void revoke(String fullKey) {
        UUID serviceId = UUID.fromString(fullKey.substring(fullKey.length() - 73, fullKey.length() - 37));
        jdbc.sql("UPDATE api_keys SET expiry_date = now() WHERE secret IS NOT NULL AND id IN "
                        + "(SELECT id FROM api_keys WHERE service_id = :s AND name = :n)")
                .param("s", serviceId)
                .param("n", fullKey.substring(0, fullKey.length() - 74))
                .update();
        cache.evict(serviceId);
    }

    public UUID addSmsSender(UUID serviceId, String sender) {
        senders.addSmsSender(serviceId, sender, false);
        cache.evict(serviceId);
        return jdbc.sql("SELECT id FROM service_sms_senders WHERE service_id = :s AND sms_sender = :n")
                .param("s", serviceId).param("n", sender).query(UUID.class).single();
    }

    private String key(UUID serviceId, String type) {
        ApiKey key = new ApiKey(UUID.randomUUID(), type + "_key", UUID.randomUUID().toString(), serviceId, type, null);
        apiKeys.insert(key, SYSTEM_USER);
        return key.fullKey();
    }
}
