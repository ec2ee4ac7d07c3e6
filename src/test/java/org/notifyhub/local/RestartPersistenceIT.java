package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;

/** The local default keeps its data: stop the hub, start it again on the same NOTIFY_DATA_DIR, and nothing is lost. */
class RestartPersistenceIT {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void notificationsAndCredentialsSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("notify-hub-restart-");
        Map<String, Object> properties = Map.of("notify.data-dir", dataDir.toString());

        String notificationId;
        LocalCredentials first;
        try (ExtraNode hub = ExtraNode.start("restart-first", properties)) {
            first = credentials(dataDir);
            NotificationClient client = new NotificationClient(first.apiKeys().normal(), hub.baseUrl());
            notificationId = client.sendEmail(first.templates().email().toString(), "restart@example.com",
                    Map.of("name", "Grace", "reference", "R-1"), "before-restart").getNotificationId().toString();
        }

        try (ExtraNode hub = ExtraNode.start("restart-second", properties)) {
            LocalCredentials second = credentials(dataDir);
            assertThat(second.serviceId()).isEqualTo(first.serviceId());
            assertThat(second.apiKeys()).isEqualTo(first.apiKeys());

            Notification notification = new NotificationClient(second.apiKeys().normal(), hub.baseUrl())
                    .getNotificationById(notificationId);
            assertThat(notification.getReference()).contains("before-restart");
            assertThat(notification.getEmailAddress()).contains("restart@example.com");
            assertThat(notification.getSubject()).contains("Hello Grace");
        }
    }

    private LocalCredentials credentials(Path dataDir) throws Exception {
        return mapper.readValue(dataDir.resolve("local-credentials.json").toFile(), LocalCredentials.class);
    }
}
