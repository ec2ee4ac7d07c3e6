package org.notifyhub.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the local default's first start: a live demo service with a key of each type, a template of each kind, a
 * reply-to address and an SMS sender, written to local-credentials.json. Later starts reuse them.
 */
@Component
@ConditionalOnProperty(name = "notify.local.enabled", havingValue = "true")
public class DemoBootstrap {

    static final String FILE_NAME = "local-credentials.json";
    static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");
    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);

    private final ServiceRepository services;
    private final ApiKeyRepository apiKeys;
    private final SenderRepository senders;
    private final TemplateRepository templates;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final Environment environment;
    private final Path credentialsFile;

    public DemoBootstrap(ServiceRepository services, ApiKeyRepository apiKeys, SenderRepository senders,
                         TemplateRepository templates, TransactionTemplate transaction, ObjectMapper mapper,
                         Environment environment, @Value("${notify.data-dir}") String dataDir) {
        this.services = services;
        this.apiKeys = apiKeys;
        this.senders = senders;
        this.templates = templates;
        this.transaction = transaction;
        this.mapper = mapper;
        this.environment = environment;
        this.credentialsFile = Path.of(dataDir).toAbsolutePath().resolve(FILE_NAME);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureDemoService() throws IOException {
        if (Files.exists(credentialsFile)) {
            LocalCredentials existing = mapper.readValue(credentialsFile.toFile(), LocalCredentials.class);
            if (services.exists(existing.serviceId())) {
                LocalCredentials current = withBaseUrl(existing);
                if (!current.equals(existing)) {
                    write(current);
                }
                log.info("Local default ready at {}; demo credentials in {}", current.baseUrl(), credentialsFile);
                return;
            }
        }
        LocalCredentials created = transaction.execute(status -> createDemoService());
        write(created);
        log.info("""

                ==== Notify Hub local default: demo service created (shown once) ====
                Base URL:   {}
                Service id: {}
                API keys:   normal {}
                            team   {}
                            test   {}
                Templates:  email {}  sms {}  letter {}
                Admin:      client id {}  secret {}
                Saved in {}
                ====================================================================""",
                created.baseUrl(), created.serviceId(), created.apiKeys().normal(), created.apiKeys().team(),
                created.apiKeys().test(), created.templates().email(), created.templates().sms(),
                created.templates().letter(), created.admin().clientId(), created.admin().secret(), credentialsFile);
    }

    private LocalCredentials createDemoService() {
        UUID serviceId = UUID.randomUUID();
        services.insert(new ServiceRepository.NewService(serviceId, "Notify Hub demo " + serviceId.toString().substring(0, 8),
                false, "notify.hub.demo." + serviceId.toString().substring(0, 8), true, 3000,
                List.of("email", "sms", "letter", "inbound_sms"), SYSTEM_USER));
        senders.addReplyTo(serviceId, "notify-hub-demo@example.com", true);
        senders.addSmsSender(serviceId, "NotifyHub", true);

        UUID email = UUID.randomUUID();
        templates.insert(email, serviceId, "Demo email", TemplateType.EMAIL.wireName(), "Hello ((name))",
                "Hello ((name)),\n\nThis is your first email from Notify Hub.\n\nYour reference is ((reference)).", SYSTEM_USER);
        UUID sms = UUID.randomUUID();
        templates.insert(sms, serviceId, "Demo text message", TemplateType.SMS.wireName(), null,
                "Hello ((name)), this is your first text message from Notify Hub.", SYSTEM_USER);
        UUID letter = UUID.randomUUID();
        templates.insert(letter, serviceId, "Demo letter", TemplateType.LETTER.wireName(), "Your first letter, ((name))",
                "Dear ((name)),\n\nThis is your first letter from Notify Hub.", SYSTEM_USER);

        return withBaseUrl(new LocalCredentials(null, serviceId,
                new LocalCredentials.ApiKeys(newKey(serviceId, "demo_normal", KeyType.NORMAL),
                        newKey(serviceId, "demo_team", KeyType.TEAM),
                        newKey(serviceId, "demo_test", KeyType.TEST)),
                new LocalCredentials.Templates(email, sms, letter),
                new LocalCredentials.Admin(environment.getProperty("notify.admin.client-id"),
                        environment.getProperty("notify.admin.client-secrets"))));
    }

    private String newKey(UUID serviceId, String name, KeyType type) {
        ApiKey key = new ApiKey(UUID.randomUUID(), name, UUID.randomUUID().toString(), serviceId, type.wireName(),
                null);
        apiKeys.insert(key, SYSTEM_USER);
        return key.fullKey();
    }

    /** The port can change between starts, so the file always names the one in use now. */
    private LocalCredentials withBaseUrl(LocalCredentials credentials) {
        String baseUrl = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port"));
        return new LocalCredentials(baseUrl, credentials.serviceId(), credentials.apiKeys(), credentials.templates(),
                credentials.admin());
    }

    private void write(LocalCredentials credentials) throws IOException {
        Files.createDirectories(credentialsFile.getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(credentialsFile.toFile(), credentials);
        LocalSecrets.restrictToOwner(credentialsFile);
    }
}
