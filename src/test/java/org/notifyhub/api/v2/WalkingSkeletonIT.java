package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/** One email the whole way, driven by GOV.UK Notify's official Java client. */
class WalkingSkeletonIT extends HubIntegrationTest {

    @Test
    void anEmailSentWithTheOfficialClientIsDeliveredWithinFiveSeconds() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());
        String templateId = credentials.templates().email().toString();

        Instant sent = Instant.now();
        SendEmailResponse response = client.sendEmail(templateId, "ada@example.com",
                Map.of("name", "Ada", "reference", "REF-1"), "client-ref-1");

        assertThat(response.getNotificationId()).isNotNull();
        assertThat(response.getReference()).contains("client-ref-1");
        assertThat(response.getSubject()).isEqualTo("Hello Ada");
        assertThat(response.getBody()).contains("Hello Ada,").contains("Your reference is REF-1.");
        assertThat(response.getTemplateId().toString()).isEqualTo(templateId);
        assertThat(response.getTemplateVersion()).isEqualTo(1);
        assertThat(response.getFromEmail()).hasValueSatisfying(from -> assertThat(from).endsWith("@notifications.service.gov.uk"));

        String id = response.getNotificationId().toString();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.getNotificationById(id).getStatus().equals("delivered"));
        assertThat(Duration.between(sent, Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(5));

        Notification notification = client.getNotificationById(id);
        assertThat(notification.getNotificationType()).isEqualTo("email");
        assertThat(notification.getEmailAddress()).contains("ada@example.com");
        assertThat(notification.getReference()).contains("client-ref-1");
        assertThat(notification.getSubject()).contains("Hello Ada");
        assertThat(notification.getSentAt()).isPresent();
        assertThat(notification.getCompletedAt()).isPresent();
        assertThat(notification.getTemplateVersion()).isEqualTo(1);
    }
}
