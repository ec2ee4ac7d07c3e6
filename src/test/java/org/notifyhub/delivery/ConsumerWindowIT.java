package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * deliver-email with 5,000 messages waiting: its consumer polls again at once after every poll that returned messages
 * (never sleeping its delay between them), and the provider calls in flight fill the configured window
 * (notify.delivery.in-flight) without going past it by more than the poller itself. Nothing here is timed: the
 * consumer's own poll counter tells whether the scheduler let it wait between two polls, and the provider stub counts
 * the calls that wait on it at once.
 */
class ConsumerWindowIT extends HubIntegrationTest {

    private static final String ROUTE = "deliver-email";
    private static final int BACKLOG = 5_000;
    private static final int MAX_MESSAGES_PER_POLL = 10;

    @Autowired
    private CamelContext camel;

    @Autowired
    private SimulatorFaultSwitches faults;

    @Autowired
    private NotificationRepository notifications;

    @Autowired
    private NotificationContent content;

    @Autowired
    private Outbox outbox;

    @Autowired
    private QueueNames queues;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Environment environment;

    private String recipient;
    private ScheduledPollConsumer consumer;
    private PollingConsumerPollStrategy original;

    @AfterEach
    void restore() throws Exception {
        if (consumer != null) {
            consumer.setPollStrategy(original);
        }
        faults.clear(recipient);
        camel.getRouteController().startRoute(ROUTE);
    }

    @Test
    void aBacklogIsPolledWithoutPausesAndFillsTheInFlightWindow() throws Exception {
        int window = environment.getRequiredProperty("notify.delivery.in-flight", Integer.class);
        TestService service = testServices.create(false, List.of("email"));
        recipient = "window-" + UUID.randomUUID() + "@example.com";
        List<UUID> ids = insertBacklog(service);

        camel.getRouteController().stopRoute(ROUTE);
        outbox.sendAll(queues.sendEmailTasks(), ids.stream().map(id -> DeliveryTask.first(id, NotificationType.EMAIL)).toList());
        SimulatorFaultSwitches.InFlight inFlight = faults.holdUntilInFlight(recipient, window, Duration.ofSeconds(60));
        // Starting the route builds a new consumer, which first polls after its initial delay of a second.
        camel.getRouteController().startRoute(ROUTE);
        consumer = (ScheduledPollConsumer) camel.getRoute(ROUTE).getConsumer();
        original = consumer.getPollStrategy();
        PollLog polls = new PollLog(consumer, original);
        consumer.setPollStrategy(polls);
        assertThat(consumer.getCounter()).as("scheduled runs before the poll log was in place").isZero();

        // Every poll after one that returned messages ran in the same scheduled run: the consumer never slept its
        // delay while the queue had messages. Only an empty poll ends a run.
        await().atMost(Duration.ofMinutes(4)).until(() -> polls.received() >= BACKLOG || !polls.pauses().isEmpty());
        assertThat(polls.pauses()).as("polls that waited for the scheduler although the last poll returned messages")
                .isEmpty();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> notDelivered(service) == 0);

        // The window filled: every pool thread of deliver-email was waiting on the provider at once (and at most the
        // poller itself joined them when the pool and its short queue were full, instead of receiving more).
        assertThat(inFlight.filled()).as("provider calls in flight reached the window of %d", window).isTrue();
        assertThat(inFlight.most()).isBetween(window, window + 1);

        List<Poll> log = polls.polls();
        assertThat(log).allSatisfy(poll -> assertThat(poll.messages()).isLessThanOrEqualTo(MAX_MESSAGES_PER_POLL));
        assertThat(log.stream().map(Poll::run).distinct().count())
                .as("scheduled runs, far fewer than the %d polls", log.size())
                .isLessThan(log.size() / 10);
    }

    private List<UUID> insertBacklog(TestService service) {
        String personalisation = content.encryptPersonalisation(Map.of("name", "W"));
        List<UUID> ids = new ArrayList<>();
        List<NotificationRow> rows = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new NotificationRow(id, recipient, recipient, null, null, service.id(), service.emailTemplate(), 1,
                    null, KeyType.NORMAL, 0, NotificationType.EMAIL, LocalDateTime.now(), null, null, null,
                    NotificationStatus.CREATED, null, null, personalisation, null, null, null, false, null, null, null));
            if (rows.size() == 1_000) {
                notifications.insertAllIfAbsent(rows);
                rows.clear();
            }
        }
        notifications.insertAllIfAbsent(rows);
        return ids;
    }

    private long notDelivered(TestService service) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :service AND notification_status <> 'delivered'")
                .param("service", service.id())
                .query(Long.class).single();
    }

    /** One poll of the consumer: the scheduled run it belonged to and how many messages it returned (-1: it failed). */
    record Poll(long run, int messages) {
    }

    /** Wraps the consumer's poll strategy and notes every poll, with the consumer's count of scheduled runs. */
    private static final class PollLog implements PollingConsumerPollStrategy {

        private final ScheduledPollConsumer consumer;
        private final PollingConsumerPollStrategy delegate;
        private final List<Poll> polls = new CopyOnWriteArrayList<>();
        private volatile long run;

        PollLog(ScheduledPollConsumer consumer, PollingConsumerPollStrategy delegate) {
            this.consumer = consumer;
            this.delegate = delegate;
        }

        List<Poll> polls() {
            return List.copyOf(polls);
        }

        int received() {
            return polls.stream().mapToInt(poll -> Math.max(poll.messages(), 0)).sum();
        }

        /** Polls that began in a new scheduled run although the poll before them had returned messages. */
        List<String> pauses() {
            List<Poll> log = polls();
            List<String> pauses = new ArrayList<>();
            for (int i = 1; i < log.size(); i++) {
                if (log.get(i - 1).messages() > 0 && log.get(i).run() != log.get(i - 1).run()) {
                    pauses.add("poll " + i + " after one of " + log.get(i - 1).messages() + " messages");
                }
            }
            return pauses;
        }

        @Override
        public boolean begin(Consumer polling, Endpoint endpoint) {
            // ScheduledPollConsumer counts scheduled runs, not polls: a greedy loop polls again inside the same run
            run = consumer.getCounter();
            return delegate.begin(polling, endpoint);
        }

        @Override
        public void commit(Consumer polling, Endpoint endpoint, int polledMessages) {
            polls.add(new Poll(run, polledMessages));
            delegate.commit(polling, endpoint, polledMessages);
        }

        @Override
        public boolean rollback(Consumer polling, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
            polls.add(new Poll(run, -1));
            return delegate.rollback(polling, endpoint, retryCounter, cause);
        }
    }
}
