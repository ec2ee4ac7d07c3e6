package org.notifyhub.support;

import java.util.List;
import java.util.UUID;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.ServiceRepository;

/**
 * A live service of a test's own with one normal API key, for tests that list things: the demo service is shared
 * by the whole suite, so its lists hold whatever other tests made.
 */
public record TestService(UUID id, String name, String apiKey, String secret) {

    /** The system user from the first migration, which owns what tests create. */
    public static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");
    public static final String SYSTEM_USER_EMAIL = "notify-hub@localhost";

    public static TestService create(ServiceRepository services, ApiKeyRepository apiKeys) {
        UUID id = UUID.randomUUID();
        String shortId = id.toString().substring(0, 8);
        String name = "Test service " + shortId;
        services.insert(new ServiceRepository.NewService(id, name, false, "test.service." + shortId, true, 3000,
                List.of("email", "sms", "letter", "inbound_sms"), SYSTEM_USER));
        ApiKey key = new ApiKey(UUID.randomUUID(), "test_key", UUID.randomUUID().toString(), id, ApiKey.NORMAL, null);
        apiKeys.insert(key, SYSTEM_USER);
        return new TestService(id, name, key.fullKey(), key.secret());
    }
}
