package org.notifyhub.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.notifyhub.common.MissingSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The local default: when no real server is configured, every production dependency is started in-process before
 * the application context needs it, and the hub is pointed at it. Once any real server is configured, nothing
 * embedded starts and the node refuses to start unless every part is real or explicitly simulated
 * ({@link RequiredSettings}).
 */
public class LocalDefaultEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "notify-local-default";
    /** The local default's only listener unless server.address (SERVER_ADDRESS) says otherwise. */
    static final String LOOPBACK = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(LocalDefaultEnvironment.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        if (has(env, "DATABASE_URL") && !has(env, "spring.datasource.url")) {
            properties.putAll(DatabaseUrl.toDatasourceProperties(env.getProperty("DATABASE_URL")));
        }
        if (RequiredSettings.anyRealEndpoint(env)) {
            List<String> problems = RequiredSettings.problems(env);
            if (!problems.isEmpty()) {
                throw new MissingSettingsException("A real server is configured, so this node is not the local default "
                        + "and every part must be real or explicitly simulated, or unset every real server to run the "
                        + "local default. Missing or contradictory:", problems);
            }
            if (!has(env, "notify.email.provider")) {
                properties.put("notify.email.provider", "ses");
            }
            if (!has(env, "notify.broadcasts.proxy")) {
                properties.put("notify.broadcasts.proxy", "lambda");
            }
            env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
            return;
        }
        startLocalDefault(env, application, properties);
    }

    /**
     * Nothing real is configured: every server runs in this process, with secrets kept in the data folder. The servers
     * start while Spring builds the context, on ports chosen now; the SFTP server starts first, as its host key is
     * part of the hub's settings.
     */
    private static void startLocalDefault(ConfigurableEnvironment env, SpringApplication application,
                                          Map<String, Object> properties) {
        Path dataDir = Path.of(env.getProperty("notify.data-dir", ".notify-hub")).toAbsolutePath();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);
        StartingServers servers = new StartingServers();
        int postgresPort = LocalDefaults.freePort();
        int sqsPort = LocalDefaults.freePort();
        int s3Port = LocalDefaults.freePort();
        servers.start(() -> LocalPostgres.start(dataDir, postgresPort));
        Collection<String> queues = Binder.get(env).bind("notify.queues", Bindable.mapOf(String.class, String.class))
                .map(Map::values).orElse(List.of());
        servers.start(() -> LocalSqs.start(sqsPort, queues));
        servers.start(() -> LocalS3.start(dataDir, s3Port));
        properties.putAll(LocalPostgres.properties(postgresPort));
        properties.putAll(LocalSqs.properties(sqsPort));
        properties.putAll(LocalS3.properties(s3Port));
        try {
            LocalServer sftp = LocalSftp.start(dataDir, secrets.ftpPassword(), List.of());
            servers.started(sftp);
            properties.putAll(sftp.properties());
        } catch (RuntimeException e) {
            servers.stopAll();
            throw e;
        }
        if (!has(env, "notify.email.provider")) {
            properties.put("notify.email.provider", "simulated");
        }
        if (!has(env, "notify.broadcasts.proxy")) {
            properties.put("notify.broadcasts.proxy", "simulated");
        }
        if (!has(env, "notify.secret-key")) {
            properties.put("notify.secret-key", secrets.secretKey());
        }
        properties.put("notify.local.enabled", true);
        bindLoopbackUnlessTold(env, properties);
        if (!has(env, "notify.admin.client-secrets")) {
            properties.put("notify.admin.client-secrets", secrets.adminSecret());
        }
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        StopLast stop = new StopLast(servers);
        application.addInitializers(stop);
        application.addListeners(stop);
        log.info("Local default: starting the embedded servers, data in {}", dataDir);
    }

    /** Its operator endpoints are open and it holds demo keys: nobody else on the network may reach it unasked. */
    static void bindLoopbackUnlessTold(ConfigurableEnvironment env, Map<String, Object> properties) {
        if (!has(env, "server.address")) {
            properties.put("server.address", LOOPBACK);
        }
    }

    private static boolean has(ConfigurableEnvironment env, String key) {
        return StringUtils.hasText(env.getProperty(key));
    }

    /**
     * Makes the beans that talk to the embedded servers wait until they are up, and stops the servers after everything
     * that uses them: registered as the context's first disposable bean, it is destroyed last, once Camel, Quartz and
     * the connection pool have stopped (stopping on ContextClosedEvent, which comes first, made every consumer log its
     * lost server). Also stops them when the application fails to start, and at JVM exit after Spring's shutdown hook
     * (PostgreSQL's own JVM hook would race the application's close).
     */
    private static final class StopLast implements ApplicationContextInitializer<ConfigurableApplicationContext>,
            ApplicationListener<ApplicationFailedEvent>, DisposableBean {

        /** The beans through which the hub reaches PostgreSQL, SQS and S3; each waits for the servers. */
        private static final List<String> CLIENTS = List.of("dataSource", "sqsClient", "s3Client");
        private static final String STARTED = "notifyLocalServersStarted";

        private final StartingServers servers;

        StopLast(StartingServers servers) {
            this.servers = servers;
            SpringApplication.getShutdownHandlers().add(this::destroy);
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
                factory.registerDisposableBean("notifyLocalServers", this);
                factory.registerBeanDefinition(STARTED, new RootBeanDefinition(Started.class, this::awaitServers));
                context.addBeanFactoryPostProcessor(StopLast::clientsWaitForServers);
            }
        }

        private Started awaitServers() {
            servers.awaitAll();
            return new Started();
        }

        private static void clientsWaitForServers(ConfigurableListableBeanFactory factory) {
            for (String client : CLIENTS) {
                BeanDefinition definition = factory.getBeanDefinition(client);
                List<String> dependsOn = new ArrayList<>(Arrays.asList(
                        Objects.requireNonNullElse(definition.getDependsOn(), new String[0])));
                dependsOn.add(STARTED);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        }

        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            destroy();
        }

        @Override
        public void destroy() {
            servers.stopAll();
        }
    }

    /** The embedded servers are up. */
    record Started() {
    }
}
