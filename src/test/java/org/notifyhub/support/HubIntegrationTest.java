package org.notifyhub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.notifyhub.delivery.SimulatorFaultSwitches;
import org.notifyhub.local.LocalCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the suite: the hub on its local default (real embedded PostgreSQL, ElasticMQ,
 * S3Proxy and SFTP server) with its data in a fresh temporary folder. Every integration test extends this class
 * and adds no configuration of its own, so the context is built once. Metrics export stays on, as in production.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestServices.class, SimulatorFaultSwitches.class})
public abstract class HubIntegrationTest {

    protected static final Path DATA_DIR = createDataDir();
    /** The one service on the high-volume path in the test context. */
    protected static final UUID HIGH_VOLUME_SERVICE = UUID.fromString("5e0f0d7e-4b3c-4a5e-9d8f-7a6b5c4d3e2f");

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper mapper;

    @Autowired
    protected TestServices testServices;

    protected LocalCredentials credentials;

    static {
        // The local default starts its servers while the environment is prepared, before dynamic properties
        // exist: only a system property reaches it then, so the suite never uses the working directory's data.
        System.setProperty("notify.data-dir", DATA_DIR.toString());
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        // Scheduled jobs run only when a test asks (direct:<job>): the triggers are stored with their real schedules,
        // but this node's Quartz stays in standby and never fires them (ClusteredSchedulingIT starts it for a while).
        registry.add("camel.component.quartz.auto-start-scheduler", () -> "false");
        // The retry ladder compressed from 10 s … 4 h to seconds.
        registry.add("notify.delivery.retry-delays", () -> "1s,2s,3s");
        // An SMS provider that does not answer within 3 s has timed out; a send left unanswered is re-checked after
        // 6 s instead of 5 minutes.
        registry.add("notify.sms.provider-timeout-seconds", () -> "3");
        registry.add("notify.delivery.ambiguous-retry-after", () -> "6s");
        registry.add("notify.high-volume-services", HIGH_VOLUME_SERVICE::toString);
        // SNS's certificates and confirmations come from a local stand-in in tests.
        registry.add("notify.ses.sns.certificate-url-pattern", () -> "^http://localhost:[0-9]+/[^?#]+\\.pem$");
        registry.add("notify.ses.sns.subscribe-url-pattern", () -> "^http://localhost:[0-9]+/.*$");
        registry.add("notify.ses.sns.topic-arns", () -> "arn:aws:sns:eu-west-2:123456789012:ses-events");
        // Credentials the inbound SMS endpoints accept from MMG and from Firetext (user "notify").
        registry.add("notify.mmg.inbound-sms-username", () -> "mmg-user,mmg-user-2");
        registry.add("notify.mmg.inbound-sms-auth", () -> "mmg-password,mmg-password-2");
        registry.add("notify.firetext.inbound-sms-auth", () -> "firetext-password");
        // Service callback retries compressed from 5 × 300 s to seconds.
        registry.add("notify.service-callbacks.retry-delays", () -> "1s,2s,2s");
        // Small batches, so the timeout job's loop goes round more than once.
        registry.add("notify.timeout-sending-notifications.batch-size", () -> "2");
        // A failed letter task comes back after 2 s instead of 300 s, and the second failure is the last.
        registry.add("notify.letter-pdfs.retry-seconds", () -> "2");
        registry.add("notify.letter-pdfs.max-attempts", () -> "2");
        // Operators' alerts go to a webhook the tests read; DVLA response files on FTP are picked up within seconds.
        registry.add("notify.alerts.webhook-url", AlertWebhook::url);
        registry.add("notify.dvla.ftp.response-poll-delay-ms", () -> "500");
        registry.add("notify.dvla.ftp.read-lock-check-interval-ms", () -> "300");
        // Broadcasts go to the operators' proxies as Lambda functions on a WireMock stand-in; a failing operator is
        // retried after 1, 2, 2 … s instead of 1, 2, 4 … 240 s.
        registry.add("notify.broadcasts.proxy", () -> "lambda");
        registry.add("notify.broadcasts.lambda.endpoint", LambdaStub::url);
        registry.add("notify.broadcasts.lambda.access-key", () -> "test");
        registry.add("notify.broadcasts.lambda.secret-key", () -> "test");
        registry.add("notify.broadcasts.max-retry-delay-seconds", () -> "2");
        // Queue depths and job counts in /actuator/prometheus are read again after a second instead of 30 s.
        registry.add("notify.metrics.refresh", () -> "1s");
    }

    @BeforeEach
    void readCredentials() throws IOException {
        credentials = mapper.readValue(DATA_DIR.resolve("local-credentials.json").toFile(), LocalCredentials.class);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("notify-hub-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
