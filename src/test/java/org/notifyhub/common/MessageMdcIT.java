package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.notifyhub.delivery.EmailDeliveryService;
import org.notifyhub.support.HubIntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.gov.service.notify.NotificationClient;

/** A delivery's log lines name the notification they are about, though the message text does not. */
@ExtendWith(OutputCaptureExtension.class)
class MessageMdcIT extends HubIntegrationTest {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger deliveries = (Logger) LoggerFactory.getLogger(EmailDeliveryService.class);

    @BeforeEach
    void listen() {
        events.start();
        deliveries.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        deliveries.detachAppender(events);
    }

    @Test
    void aDeliverysLogLineCarriesItsNotificationId(CapturedOutput output) throws Exception {
        String id = new NotificationClient(credentials.apiKeys().normal(), baseUrl())
                .sendEmail(credentials.templates().email().toString(), "mdc@example.com",
                        Map.of("name", "M", "reference", "R"), null)
                .getNotificationId().toString();

        ILoggingEvent sent = await().atMost(Duration.ofSeconds(20)).until(() -> sentLine(id), e -> e != null);
        assertThat(sent.getFormattedMessage()).startsWith("Email sent to provider").doesNotContain(id);
        assertThat(sent.getThreadName()).doesNotContain("http-nio");
        // the log pattern shows it, and no other message's id lingers on the line
        assertThat(output.getAll().lines().filter(line -> line.contains("Email sent to provider")))
                .anyMatch(line -> line.contains(" notification_id=" + id + " ") && !line.contains("job_id="));
    }

    private ILoggingEvent sentLine(String id) {
        List<ILoggingEvent> copy = List.copyOf(events.list);
        return copy.stream().filter(e -> id.equals(e.getMDCPropertyMap().get(MessageMdc.NOTIFICATION_ID)))
                .findFirst().orElse(null);
    }
}
