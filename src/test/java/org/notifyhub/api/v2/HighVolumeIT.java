package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/** The high-volume path: the API queues the save, a worker saves once and sends. */
class HighVolumeIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private Encryption encryption;

    @Value("${notify.queues.save-api-email-tasks}")
    private String saveQueue;

    @Test
    void aHighVolumeServicesEmailIsSavedByAWorkerOnceAndDelivered() throws Exception {
        TestService service = testServices.create(HIGH_VOLUME_SERVICE, false, List.of("email", "sms"));
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());

        String id = client.sendEmail(service.emailTemplate().toString(), "volume@example.com", Map.of("name", "V"), "hv")
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("delivered"));
        assertThat(client.getNotificationById(id).getReference()).contains("hv");

        // The same save task again: no second row, no second send.
        long before = count(service.id());
        String task = encryption.encrypt(mapper.writeValueAsString(repository.find(UUID.fromString(id)).orElseThrow()));
        producer.sendBody("aws2-sqs://" + saveQueue + "?autoCreateQueue=true", task);
        Thread.sleep(2000);
        assertThat(count(service.id())).isEqualTo(before);
        assertThat(status(id)).isEqualTo("delivered");
    }

    @Autowired
    private NotificationRepository repository;

    private long count(UUID serviceId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :id").param("id", serviceId)
                .query(Long.class).single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT coalesce(max(notification_status), 'none') FROM notifications WHERE id = :id::uuid")
                .param("id", id).query(String.class).single();
    }
}
