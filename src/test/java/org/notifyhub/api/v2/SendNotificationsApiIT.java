package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.SendLetterResponse;
import uk.gov.service.notify.SendSmsResponse;

/** The send and read endpoints driven by GOV.UK Notify's official Java client, asserting what it returns. */
class SendNotificationsApiIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter", "international_sms");

    @Test
    void aTextMessageIsSentWithThePrefixAndSenderAndIsDelivered() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());

        SendSmsResponse response = client.sendSms(credentials.templates().sms().toString(), "07700 900123",
                Map.of("name", "Ada"), "sms-ref");

        assertThat(response.getBody()).startsWith("Notify Hub demo").endsWith(": Hello Ada, this is your first text message from Notify Hub.");
        assertThat(response.getFromNumber()).contains("NotifyHub");
        assertThat(response.getReference()).contains("sms-ref");
        assertThat(response.getTemplateVersion()).isEqualTo(1);
        String id = response.getNotificationId().toString();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.getNotificationById(id).getStatus().equals("delivered"));
        Notification notification = client.getNotificationById(id);
        assertThat(notification.getPhoneNumber()).contains("07700 900123");
        assertThat(notification.getNotificationType()).isEqualTo("sms");
        assertThat(notification.getBody()).isEqualTo(response.getBody());
    }

    @Test
    void simulatorNumbersEndInTheirFailures() throws Exception {
        TestService service = testServices.create(false, ALL);
        NotificationClient client = new NotificationClient(service.testKey(), baseUrl());
        String temporary = client.sendSms(service.smsTemplate().toString(), "07700900003", Map.of("name", "T"), null)
                .getNotificationId().toString();
        String permanent = client.sendSms(service.smsTemplate().toString(), "07700900002", Map.of("name", "P"), null)
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            assertThat(client.getNotificationById(temporary).getStatus()).isEqualTo("temporary-failure");
            assertThat(client.getNotificationById(permanent).getStatus()).isEqualTo("permanent-failure");
        });
    }

    @Test
    void aLetterIsAcceptedWithItsAddress() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());

        SendLetterResponse response = client.sendLetter(credentials.templates().letter().toString(),
                Map.of("address_line_1", "Ada Lovelace", "address_line_2", "1 Example Street", "address_line_3", "London",
                        "postcode", "sw1a1aa", "name", "Ada"), "letter-ref");

        assertThat(response.getSubject()).isEqualTo("Your first letter, Ada");
        assertThat(response.getBody()).contains("Dear Ada,");
        Notification notification = client.getNotificationById(response.getNotificationId().toString());
        assertThat(notification.getNotificationType()).isEqualTo("letter");
        assertThat(notification.getStatus()).isEqualTo("accepted");
        assertThat(notification.getLine1()).contains("Ada Lovelace");
        assertThat(notification.getPostcode()).contains("sw1a1aa");
        assertThat(notification.getPostage()).contains("second");
    }

    @Test
    void simulatedRecipientsGetA201ButNothingIsStored() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());

        String id = client.sendEmail(credentials.templates().email().toString(),
                "simulate-delivered@notifications.service.gov.uk", Map.of("name", "S", "reference", "R"), null)
                .getNotificationId().toString();

        assertThatThrownBy(() -> client.getNotificationById(id))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> assertThat(e.getHttpResult()).isEqualTo(404));
    }

    @Test
    void theListShowsOnlyTheCallersKeyTypeFilteredAndPaged() throws Exception {
        TestService service = testServices.create(false, ALL);
        NotificationClient live = new NotificationClient(service.normalKey(), baseUrl());
        NotificationClient test = new NotificationClient(service.testKey(), baseUrl());
        String first = live.sendEmail(service.emailTemplate().toString(), "one@example.com", Map.of("name", "1"), "batch-a")
                .getNotificationId().toString();
        String second = live.sendSms(service.smsTemplate().toString(), "07700900456", Map.of("name", "2"), "batch-b")
                .getNotificationId().toString();
        String fromTestKey = test.sendSms(service.smsTemplate().toString(), "07700900457", Map.of("name", "3"), null)
                .getNotificationId().toString();

        NotificationList all = live.getNotifications(null, null, null, null);
        assertThat(all.getNotifications()).extracting(n -> n.getId().toString()).containsExactly(second, first);
        assertThat(test.getNotifications(null, null, null, null).getNotifications())
                .extracting(n -> n.getId().toString()).containsExactly(fromTestKey);

        assertThat(live.getNotifications(null, "email", null, null).getNotifications())
                .extracting(n -> n.getId().toString()).containsExactly(first);
        assertThat(live.getNotifications(null, null, "batch-b", null).getNotifications())
                .extracting(n -> n.getId().toString()).containsExactly(second);
        assertThat(live.getNotifications(null, null, null, second).getNotifications())
                .extracting(n -> n.getId().toString()).containsExactly(first);
        assertThat(live.getNotifications("technical-failure", null, null, null).getNotifications()).isEmpty();
        assertThat(all.getNextPageLink()).hasValueSatisfying(link -> assertThat(link).contains("older_than=" + first));
    }
}
