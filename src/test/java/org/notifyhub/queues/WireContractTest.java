package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.receipts.mapping.SmsReceipt;
import org.notifyhub.services.CallbackType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The wire contract: messages already on a queue must still be read after a deploy, so the JSON of every queue
 * message type is pinned here as literal text, both ways, and so is every header, exchange-property and SQS
 * attribute name the routes and beans pass between them. A change here is a migration, not a refactoring.
 */
class WireContractTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final Path JAVA = Path.of("src/main/java/org/notifyhub");
    private static final UUID A = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID B = UUID.fromString("66666666-7777-8888-9999-000000000000");
    private static final String DELIVERY = "{\"notification_id\":\"11111111-2222-3333-4444-555555555555\","
            + "\"notification_type\":\"email\",\"attempt\":2}";

    /** As Spring Boot builds the ObjectMapper that the routes' Jackson data format and the outbox both use. */
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();

    /** Each queue message type, a sample, and its JSON as it stands on the queue. */
    private static Map<Object, String> samples() {
        Map<Object, String> samples = new LinkedHashMap<>();
        samples.put(new DeliveryTask(A, NotificationType.EMAIL, 2), DELIVERY);
        samples.put(new LetterPdfTask(A), "{\"notification_id\":\"11111111-2222-3333-4444-555555555555\"}");
        samples.put(new SaveTask("save-sms", A, "sealed-rows"),
                "{\"task\":\"save-sms\",\"job_id\":\"11111111-2222-3333-4444-555555555555\",\"rows\":\"sealed-rows\"}");
        samples.put(new SaveTask.Row(B, 3, "07700900123", Map.of("name", "Ann")),
                "{\"id\":\"66666666-7777-8888-9999-000000000000\",\"row_number\":3,\"recipient\":\"07700900123\","
                        + "\"personalisation\":{\"name\":\"Ann\"}}");
        samples.put(JobTask.processJob(A),
                "{\"task\":\"process-job\",\"job_id\":\"11111111-2222-3333-4444-555555555555\"}");
        samples.put(JobTask.processIncompleteJobs(List.of(A, B)),
                "{\"task\":\"process-incomplete-jobs\",\"job_ids\":[\"11111111-2222-3333-4444-555555555555\","
                        + "\"66666666-7777-8888-9999-000000000000\"]}");
        samples.put(JobTask.processMissingRows(B),
                "{\"task\":\"process-missing-rows\",\"job_id\":\"66666666-7777-8888-9999-000000000000\"}");
        samples.put(new ServiceCallbackTask(CallbackType.DELIVERY_STATUS, A, B, "https://example.com/cb", "sealed-token",
                        "sealed-payload", 1, 1700000000000L),
                "{\"callback_type\":\"delivery_status\",\"service_id\":\"11111111-2222-3333-4444-555555555555\","
                        + "\"subject_id\":\"66666666-7777-8888-9999-000000000000\",\"url\":\"https://example.com/cb\","
                        + "\"bearer_token\":\"sealed-token\",\"payload\":\"sealed-payload\",\"attempt\":1,"
                        + "\"due_at\":1700000000000}");
        samples.put(ReturnedLettersTask.of(List.of("ABCDEFGHIJKLMNOP")),
                "{\"task\":\"process-returned-letters-list\",\"references\":[\"ABCDEFGHIJKLMNOP\"]}");
        samples.put(new RetryEnvelope(new DeliveryTask(A, NotificationType.EMAIL, 2), "send-email-tasks", 1700000000000L),
                "{\"task\":" + DELIVERY + ",\"queue\":\"send-email-tasks\",\"due_at\":1700000000000}");
        // The re-check after an unanswered provider call; an ordinary retry (above) leaves "recheck" out.
        samples.put(new RetryEnvelope(new DeliveryTask(A, NotificationType.SMS, 1), "send-sms-tasks", 1700000000000L, true),
                "{\"task\":{\"notification_id\":\"11111111-2222-3333-4444-555555555555\",\"notification_type\":\"sms\","
                        + "\"attempt\":1},\"queue\":\"send-sms-tasks\",\"due_at\":1700000000000,\"recheck\":true}");
        samples.put(new DeadLetter(new DeliveryTask(A, NotificationType.EMAIL, 2), "research-mode-tasks", "java.lang.Exception: no",
                        "2024-05-01T10:00:00.000000Z", null),
                "{\"task\":" + DELIVERY + ",\"queue\":\"research-mode-tasks\",\"reason\":\"java.lang.Exception: no\","
                        + "\"failed_at\":\"2024-05-01T10:00:00.000000Z\",\"raw_message\":null}");
        samples.put(new DeadLetter(null, "database-tasks", "bad", "2024-05-01T10:00:00.000000Z", "{\"task\":\"x\"}"),
                "{\"task\":null,\"queue\":\"database-tasks\",\"reason\":\"bad\",\"failed_at\":\"2024-05-01T10:00:00.000000Z\","
                        + "\"raw_message\":\"{\\\"task\\\":\\\"x\\\"}\"}");
        samples.put(new BroadcastTask("send-broadcast-provider-message", A, "vodafone", 3),
                "{\"task\":\"send-broadcast-provider-message\",\"broadcast_event_id\":"
                        + "\"11111111-2222-3333-4444-555555555555\",\"provider\":\"vodafone\",\"retries\":3}");
        // sms-callbacks carries the receipts the provider endpoints and the SMS simulator queue
        samples.put(new SmsReceipt("firetext", A.toString(), "0", null),
                "{\"provider\":\"firetext\",\"reference\":\"11111111-2222-3333-4444-555555555555\",\"status\":\"0\","
                        + "\"detailedCode\":null}");
        return samples;
    }

    @Test
    void everyQueueMessageIsWrittenAsPinned() throws Exception {
        for (Map.Entry<Object, String> sample : samples().entrySet()) {
            assertThat(mapper.writeValueAsString(sample.getKey())).as(sample.getKey().getClass().getSimpleName())
                    .isEqualTo(sample.getValue());
        }
    }

    @Test
    void everyPinnedMessageIsReadBackAsItWasWritten() throws Exception {
        for (Map.Entry<Object, String> sample : samples().entrySet()) {
            assertThat(mapper.readValue(sample.getValue(), sample.getKey().getClass()))
                    .as(sample.getKey().getClass().getSimpleName()).isEqualTo(sample.getKey());
        }
    }

    @Test
    void everyQueueMessageTypeIsPinned() {
        Set<Class<?>> pinned = samples().keySet().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(pinned).containsAll(Arrays.asList(QueueMessage.class.getPermittedSubclasses()));
    }

    @Test
    void theNamesArePinned() throws Exception {
        assertThat(wireNames()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SQS_ATTRIBUTES", "CamelAwsSqsAttributes",
                "RECEIVE_COUNT", "ApproximateReceiveCount",
                "SENT_TIMESTAMP", "SentTimestamp",
                "SQS_DELAY_SECONDS", "CamelAwsSqsDelaySeconds",
                "OUTBOX_QUEUE", "outboxQueue",
                "TASK", "task",
                "API_KEY", "notifyApiKey",
                "ACCEPTED", "accepted",
                "JOB_NAME", "jobName",
                "DVLA_RESPONSE_FOLDER", "dvlaResponseFolder"));
        // Camel's own names, which its SQS component reads and writes
        assertThat(WireNames.SQS_ATTRIBUTES).isEqualTo(Sqs2Constants.ATTRIBUTES);
        assertThat(WireNames.SQS_DELAY_SECONDS).isEqualTo(Sqs2Constants.DELAY_HEADER);
        assertThat(WireNames.RECEIVE_COUNT).isEqualTo(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString());
        assertThat(WireNames.SENT_TIMESTAMP).isEqualTo(MessageSystemAttributeName.SENT_TIMESTAMP.toString());
        assertThat(WireNames.API_KEY).isEqualTo(org.notifyhub.auth.AuthenticatedApiKey.HEADER);
    }

    /** A header or property a route sets or reads is either HTTP's own or pinned in WireNames. */
    @Test
    void theRoutesUseOnlyPinnedNames() throws Exception {
        Set<String> allowed = new HashSet<>(wireNames().values());
        allowed.addAll(List.of(Exchange.HTTP_RESPONSE_CODE, "Content-Type"));
        Set<String> used = new TreeSet<>();
        Set<String> attributes = new TreeSet<>();
        for (Path file : routeFiles()) {
            String text = Files.readString(file);
            collect(new Yaml().load(text), used, attributes);
            Matcher reads = Pattern.compile("\\$\\{(?:header|headers|exchangeProperty)\\.([A-Za-z0-9_-]+)").matcher(text);
            while (reads.find()) {
                used.add(reads.group(1));
            }
        }
        assertThat(used).contains(WireNames.TASK, WireNames.OUTBOX_QUEUE, WireNames.SQS_DELAY_SECONDS);
        assertThat(allowed).containsAll(used);
        assertThat(attributes).containsOnly(WireNames.RECEIVE_COUNT, WireNames.SENT_TIMESTAMP);
    }

    /** Camel's SQS header names are written in one Java file only, the one this test pins. */
    @Test
    void javaNamesSqsHeadersOnlyThroughWireNames() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            List<Path> literal = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("queues/WireNames.java")))
                    .filter(f -> read(f).contains("\"CamelAwsSqs"))
                    .toList();
            assertThat(literal).isEmpty();
        }
    }

    private static void collect(Object node, Set<String> names, Set<String> attributes) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (List.of("setHeader", "setProperty", "removeHeader", "removeProperty").contains(key)
                        && entry.getValue() instanceof Map<?, ?> step && step.get("name") != null) {
                    names.add(String.valueOf(step.get("name")));
                }
                if (key.equals("attributeNames")) {
                    attributes.addAll(Arrays.asList(String.valueOf(entry.getValue()).split(",")));
                }
                collect(entry.getValue(), names, attributes);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names, attributes));
        }
    }

    private static Map<String, String> wireNames() throws IllegalAccessException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Field field : WireNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.put(field.getName(), (String) field.get(null));
            }
        }
        return names;
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
