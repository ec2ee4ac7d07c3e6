package org.notifyhub.drills;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.notifyhub.common.Encryption;
import org.notifyhub.local.LocalServer;
import org.notifyhub.local.LocalServers;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.templates.TemplateRepository;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a drill runs against, each part its own process as in production: PostgreSQL (real binaries, stoppable and
 * restartable on the same port and data), ElasticMQ behind {@link SqsGate}, S3Proxy and the DVLA FTP server in this
 * JVM, stub providers, and hub nodes as their own JVMs, killed with SIGKILL and restarted on the same port. Every
 * listener is on loopback.
 */
final class DrillBed implements AutoCloseable {

    static final String SECRET_KEY = "drill-secret-key-0123456789abcdef";
    static final String ADMIN_SECRET = "drill-admin-secret-0123456789";
    static final String REGION = "eu-west-2";
    static final String ACCESS_KEY = "drill";
    static final String ACCESS_SECRET = "drill-secret";

    private final Path dataDir;
    private final int postgresPort;
    private final int hubPort;
    private EmbeddedPostgres postgres;
    private final SQSRestServer elasticMq;
    private final SqsGate gate;
    private final SqsClient sqs;
    private final LocalServer objectStore;
    private final LocalServer ftp;
    private final StubProviders providers;
    private final JdbcClient jdbc;
    private ExtraNode node;
    private int starts;

    DrillBed(String name) throws Exception {
        dataDir = Files.createDirectories(Path.of("target", "drills", name + "-" + System.currentTimeMillis())).toAbsolutePath();
        postgresPort = ExtraNode.freePort();
        hubPort = ExtraNode.freePort();
        postgres = startPostgres();
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion(REGION).start();
        int elasticMqPort = elasticMq.waitUntilStarted().localAddress().getPort();
        gate = new SqsGate("http://127.0.0.1:" + elasticMqPort, ExtraNode.freePort());
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + elasticMqPort)).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_SECRET))).build();
        objectStore = LocalServers.objectStore(dataDir);
        ftp = LocalServers.dvlaFtp(dataDir, "drill-ftp-password");
        providers = new StubProviders(this::hubBaseUrl, sqs, "ses-callbacks");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser("postgres");
        jdbc = JdbcClient.create((DataSource) dataSource);
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // As a production server: a commit the hub was told of survives the server being stopped or killed.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /** PostgreSQL stops (a fast shutdown: sessions are ended) and stays down until {@link #startDatabase()}. */
    void stopDatabase() throws IOException {
        postgres.close();
        postgres = null;
    }

    void startDatabase() throws IOException {
        postgres = startPostgres();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    /** What every node of the drill is started with; a drill adds its own settings on top. */
    Map<String, Object> nodeProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.putAll(queueAndProviderSettings(gate.endpoint(), providers));
        // A receipt that failed while the database was away comes back after a minute, not five.
        properties.put("notify.sqs.visibility-timeout", 60);
        properties.putAll(objectStore.properties());
        properties.putAll(ftp.properties());
        properties.put("notify.secret-key", SECRET_KEY);
        properties.put("notify.admin.client-secrets", ADMIN_SECRET);
        properties.putAll(recoveryTimings());
        return properties;
    }

    /** The queue server at this endpoint, and Firetext and SES as these stubs (a drill's or the cluster's). */
    static Map<String, Object> queueAndProviderSettings(String sqsEndpoint, StubProviders providers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("notify.sqs.endpoint", sqsEndpoint);
        properties.put("notify.sqs.region", REGION);
        properties.put("notify.sqs.access-key", ACCESS_KEY);
        properties.put("notify.sqs.secret-key", ACCESS_SECRET);
        properties.put("notify.sqs.batches-in-flight", 1);
        properties.put("notify.sqs.wait-time-seconds", 2);
        properties.put("notify.firetext.url", providers.baseUrl() + StubProviders.FIRETEXT_PATH);
        properties.put("notify.firetext.api-key", StubProviders.FIRETEXT_KEY);
        properties.put("notify.email.provider", "ses");
        properties.put("notify.ses.endpoint", providers.baseUrl());
        properties.put("notify.ses.region", REGION);
        properties.put("notify.ses.access-key", ACCESS_KEY);
        properties.put("notify.ses.secret-key", ACCESS_SECRET);
        return properties;
    }

    /** Each recovery path within a drill's minutes instead of Notify's quarter hours and days (also the cluster's). */
    static Map<String, Object> recoveryTimings() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("notify.sms.provider-timeout-seconds", 2);
        properties.put("notify.ses.send-timeout", "2s");
        properties.put("notify.delivery.retry-delays", "1s,2s,4s,8s,15s,30s");
        properties.put("notify.delivery.ambiguous-retry-after", "20s");
        properties.put("notify.delivery.abandoned-claim-minutes", 1);
        properties.put("notify.replay-created-notifications.older-than-minutes", 1);
        properties.put("notify.schedules.replay-created-notifications", "0/10 * * * * ?");
        properties.put("notify.timeout-sending-notifications.period-seconds", 240);
        properties.put("notify.schedules.timeout-sending-notifications", "5/15 * * * * ?");
        properties.put("notify.api.lookup-cache-millis", 2000);
        return properties;
    }

    /** Starts the drill's node (again, after a kill) on the port its clients and the stub's receipts use. */
    ExtraNode startNode(Map<String, Object> overrides) throws Exception {
        Map<String, Object> properties = nodeProperties();
        properties.putAll(overrides);
        node = ExtraNode.start("drill-node-" + (++starts), hubPort, properties, List.of("-Xmx768m"));
        return node;
    }

    /** SIGKILL: the node dies mid-work, as a crashed machine would. */
    void killNode() throws InterruptedException {
        if (node != null) {
            node.kill();
        }
    }

    ExtraNode node() {
        return node;
    }

    String hubBaseUrl() {
        return "http://127.0.0.1:" + hubPort;
    }

    /** A live service with SMS and email templates, limits far above any drill's load. */
    TestService service() {
        return service(jdbc);
    }

    /** As {@link #service()}, in this database (the nodes' secret key is {@link #SECRET_KEY}). */
    static TestService service(JdbcClient jdbc) {
        Encryption encryption = new Encryption(SECRET_KEY);
        TestServices services = new TestServices(new ServiceRepository(jdbc), new ApiKeyRepository(jdbc, encryption),
                new TemplateRepository(jdbc), new SenderRepository(jdbc), jdbc, null);
        TestService service = services.create(UUID.randomUUID(), false, List.of("email", "sms", "letter"));
        jdbc.sql("UPDATE services SET rate_limit = 1000000 WHERE id = :id")
                .param("id", service.id()).update();
        return service;
    }

    JdbcClient db() {
        return jdbc;
    }

    StubProviders providers() {
        return providers;
    }

    SqsGate gate() {
        return gate;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws Exception {
        if (node != null) {
            node.kill();
        }
        providers.close();
        gate.close();
        sqs.close();
        elasticMq.stopAndWait();
        ftp.close();
        objectStore.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
