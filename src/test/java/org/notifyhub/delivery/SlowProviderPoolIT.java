package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * deliver-email on a pool of 2 connections with 20 provider calls of 2 s in flight: if any call held a connection
 * while the provider answered, the others would wait past the pool's 1 s timeout and fail.
 */
class SlowProviderPoolIT extends HubIntegrationTest {

    private static final int SENDS = 20;

    @Autowired
    private Environment environment;

    @Autowired
    private NotificationContent content;

    @Autowired
    private SimulatedEmailProvider simulator;

    @Test
    void twentyConcurrentTwoSecondProviderCallsNeverExhaustAPoolOfTwo() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(environment.getProperty("spring.datasource.url"));
        config.setUsername(environment.getProperty("spring.datasource.username"));
        config.setPassword(environment.getProperty("spring.datasource.password"));
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        try (HikariDataSource twoConnections = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(twoConnections);
            NotificationRepository notifications = new NotificationRepository(jdbc,
                    new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(twoConnections));
            EmailProvider slowProvider = new EmailProvider() {
                @Override
                public String name() {
                    return "slow";
                }

                @Override
                public String send(EmailMessage message) {
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "slow-" + message.notificationId();
                }
            };
            SendClaims claims = new SendClaims(notifications, new TemplateRepository(jdbc), new ServiceRepository(jdbc), content,
                    Clock.systemUTC());
            EmailDeliveryService delivery = new EmailDeliveryService(notifications, claims, content, slowProvider, simulator,
                    Clock.systemUTC(), "example.gov.uk");
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                UUID id = UUID.randomUUID();
                notifications.insert(new NotificationRow(id, "pool" + i + "@example.com", "pool" + i + "@example.com", null,
                        null, service.id(), service.emailTemplate(), 1, null, KeyType.NORMAL, 0, NotificationType.EMAIL,
                        LocalDateTime.now(),
                        null, null, null, NotificationStatus.CREATED, null, null,
                        content.encryptPersonalisation(Map.of("name", "P")), null, null, null, false, null, null, null));
                ids.add(id);
            }

            ExecutorService workers = Executors.newFixedThreadPool(SENDS);
            Instant start = Instant.now();
            try {
                List<Future<?>> calls = new ArrayList<>();
                ids.forEach(id -> calls.add(workers.submit(() -> delivery.deliver(DeliveryTask.first(id, NotificationType.EMAIL)))));
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                workers.shutdownNow();
            }

            // All twenty ran side by side: sequential calls would have taken 40 s.
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
            for (UUID id : ids) {
                NotificationRow row = notifications.find(id).orElseThrow();
                assertThat(row.status()).isEqualTo(NotificationStatus.SENDING);
                assertThat(row.reference()).isEqualTo("slow-" + id);
                assertThat(row.sentBy()).isEqualTo("slow");
            }
        }
    }
}
