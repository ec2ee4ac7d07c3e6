package org.notifyhub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.jobs.JobRepository;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import uk.gov.service.notify.NotificationClient;

/** The numbers an operator alerts on, in /actuator/prometheus, and the build a node runs, in /actuator/info. */
class OperatorMetricsIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private QueueNames queues;

    @Autowired
    private SqsClient sqs;

    @Autowired
    private JobRepository jobs;

    @Autowired
    private CamelContext camel;

    @Test
    void everyQueueHasItsDepthByState() throws Exception {
        String metrics = get("/actuator/prometheus");

        for (String queue : queues.all()) {
            for (String state : new String[] {"visible", "in_flight", "delayed"}) {
                assertThat(value(metrics, "notify_queue_messages", "queue=\"" + queue + "\",state=\"" + state + "\""))
                        .as("%s %s", queue, state).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void aMessageOnTheDeadLetterQueueIsCounted() throws Exception {
        String url = sqs.createQueue(request -> request.queueName(queues.deadLetter())).queueUrl();
        double before = value(get("/actuator/prometheus"), "notify_dead_letters", "");
        String marker = "operator-metrics-" + UUID.randomUUID();
        sqs.sendMessage(request -> request.queueUrl(url).messageBody("{\"marker\":\"" + marker + "\"}"));
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(value(get("/actuator/prometheus"), "notify_dead_letters", "")).isEqualTo(before + 1));
            assertThat(value(get("/actuator/prometheus"), "notify_queue_messages",
                    "queue=\"" + queues.deadLetter() + "\",state=\"visible\"")).isGreaterThanOrEqualTo(1.0);
        } finally {
            deleteMarked(url, marker);
        }
    }

    @Test
    void aTextWaitingForItsSenderShowsItsAge() throws Exception {
        camel.getRouteController().stopRoute("deliver-sms");
        try {
            new NotificationClient(credentials.apiKeys().normal(), baseUrl()).sendSms(
                    credentials.templates().sms().toString(), "07700900456", Map.of("name", "Age"), "oldest-unsent");

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(value(get("/actuator/prometheus"), "notify_oldest_unsent_seconds",
                            "notification_type=\"sms\"")).isGreaterThanOrEqualTo(2.0));
        } finally {
            camel.getRouteController().startRoute("deliver-sms");
        }
    }

    @Test
    void jobsInProgressAreCounted() throws Exception {
        assertThat(value(get("/actuator/prometheus"), "notify_jobs_in_progress", ""))
                .isEqualTo((double) jobs.countInProgress());
    }

    @Test
    void infoShowsTheBuildVersion() throws Exception {
        JsonNode info = mapper.readTree(get("/actuator/info"));

        assertThat(info.path("build").path("artifact").asText()).isEqualTo("notify-hub");
        assertThat(info.path("build").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.path("build").path("time").asText()).isNotEmpty();
    }

    private void deleteMarked(String url, String marker) {
        for (int attempt = 0; attempt < 10; attempt++) {
            for (Message message : sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(1)).messages()) {
                if (message.body().contains(marker)) {
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                    return;
                }
            }
        }
        throw new AssertionError("The test's dead letter was not found again to delete");
    }

    /** The sample of this metric whose labels contain these (any sample when empty). */
    private static double value(String prometheus, String metric, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(prometheus);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("No " + metric + "{" + labels + "} in /actuator/prometheus");
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
