package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/**
 * Callbacks that fail with a connection error, 5xx or 429 are retried on service-callbacks-retry after the
 * (compressed) delays and then dropped; other 4xx are not retried; and a failing server delays nobody else.
 */
class ServiceCallbackRetriesIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter", "international_sms");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    @Autowired
    private CamelContext camel;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aFailingServerIsRetriedOnTheRetryQueueAfterEachDelayThenTheCallbackIsDropped() throws Exception {
        String path = CallbackServer.answering(500);
        TestService service = serviceCallingBack(path);
        long retryRouteBefore = exchangesOf("retry-service-callback");
        double givenUpBefore = serviceCallbacks("given-up");
        double retriedBefore = serviceCallbacks("retried");

        sendSms(service, "07700900125");

        await().atMost(Duration.ofSeconds(30)).until(() -> CallbackServer.received(path).size() >= 4);
        Thread.sleep(4000);
        List<Instant> attempts = attemptTimes(path);
        assertThat(attempts).hasSize(4);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(Duration.between(attempts.get(2), attempts.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(exchangesOf("retry-service-callback") - retryRouteBefore).isGreaterThanOrEqualTo(3);
        assertThat(serviceCallbacks("retried") - retriedBefore).isGreaterThanOrEqualTo(3);
        assertThat(serviceCallbacks("given-up") - givenUpBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whileAServiceCallbackServerFailsOtherMessagesAreDeliveredAndReportedWithinSeconds() throws Exception {
        String failingPath = CallbackServer.answeringAfter(500, Duration.ofMillis(1500));
        TestService failing = serviceCallingBack(failingPath);
        String healthyPath = CallbackServer.answering(200);
        TestService healthy = serviceCallingBack(healthyPath);
        for (int i = 0; i < 5; i++) {
            sendSms(failing, "0770090013" + i);
        }
        // The failing server's callbacks are being retried: the retry queue is busy.
        await().atMost(Duration.ofSeconds(30)).until(() -> CallbackServer.received(failingPath).size() >= 7);

        Instant start = Instant.now();
        String sms = sendSms(healthy, "07700900140");
        String email = new NotificationClient(healthy.normalKey(), baseUrl())
                .sendEmail(healthy.emailTemplate().toString(), "healthy@example.com", Map.of("name", "H"), null)
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(8)).until(() -> status(sms).equals("delivered") && status(email).equals("delivered")
                && CallbackServer.received(healthyPath).size() == 2);
        Instant healthyDone = Instant.now();
        assertThat(Duration.between(start, healthyDone)).isLessThan(Duration.ofSeconds(8));
        // ... and all that time the failing server was still being retried.
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptTimes(failingPath).stream().anyMatch(healthyDone::isBefore));
    }

    @Test
    void aCallbackTheServerRefusesWithA400IsNotRetried() throws Exception {
        String path = CallbackServer.answering(400);
        sendSms(serviceCallingBack(path), "07700900126");

        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= 1);
        Thread.sleep(3500);

        assertThat(CallbackServer.received(path)).hasSize(1);
    }

    @Test
    void aCallbackAnsweredWithA429IsRetriedUntilItGoesThrough() throws Exception {
        String path = CallbackServer.answeringInTurn(429, 429, 200);
        sendSms(serviceCallingBack(path), "07700900127");

        await().atMost(Duration.ofSeconds(20)).until(() -> CallbackServer.received(path).size() >= 3);
        Thread.sleep(3500);

        List<LoggedRequest> received = CallbackServer.received(path);
        assertThat(received).hasSize(3);
        assertThat(received).extracting(LoggedRequest::getBodyAsString).containsOnly(received.get(0).getBodyAsString());
    }

    private TestService serviceCallingBack(String path) {
        TestService service = testServices.create(false, ALL);
        CallbackServer.configure(jdbc, encryption, service.id(), CallbackType.DELIVERY_STATUS, CallbackServer.url(path),
                "token-" + UUID.randomUUID());
        return service;
    }

    private String sendSms(TestService service, String to) throws Exception {
        return new NotificationClient(service.normalKey(), baseUrl())
                .sendSms(service.smsTemplate().toString(), to, Map.of("name", "R"), null)
                .getNotificationId().toString();
    }

    private static List<Instant> attemptTimes(String path) {
        List<Instant> times = new ArrayList<>();
        CallbackServer.received(path).forEach(request -> times.add(request.getLoggedDate().toInstant()));
        return times;
    }

    private long exchangesOf(String routeId) {
        return camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class).getManagedRoute(routeId)
                .getExchangesTotal();
    }

    private double serviceCallbacks(String outcome) {
        Counter counter = meters.find("notify.service.callback").tags("type", "delivery_status", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
