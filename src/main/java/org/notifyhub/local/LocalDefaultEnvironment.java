package org.notifyhub.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.notifyhub.common.MissingSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
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
            env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
            return;
        }
        startLocalDefault(env, application, properties);
    }

    /** Nothing real is configured: every server runs in this process, with secrets kept in the data folder. */
    private static void startLocalDefault(ConfigurableEnvironment env, SpringApplication application,
                                          Map<String, Object> properties) {
        Path dataDir = Path.of(env.getProperty("notify.data-dir", ".notify-hub")).toAbsolutePath();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);
        List<CompletableFuture<LocalServer>> starting = List.of(
                startAsync(() -> LocalPostgres.start(dataDir)),
                startAsync(LocalSqs::start),
                startAsync(() -> LocalS3.start(dataDir)),
                startAsync(() -> LocalSftp.start(dataDir, secrets.ftpPassword(), List.of())));
        if (!has(env, "notify.email.provider")) {
            properties.put("notify.email.provider", "simulated");
        }
        if (!has(env, "notify.secret-key")) {
            properties.put("notify.secret-key", secrets.secretKey());
        }
        properties.put("notify.local.enabled", true);
        bindLoopbackUnlessTold(env, properties);
        if (!has(env, "notify.admin.client-secrets")) {
            properties.put("notify.admin.client-secrets", secrets.adminSecret());
        }

        List<LocalServer> servers = awaitAll(starting);
        servers.forEach(server -> properties.putAll(server.properties()));
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        StopLast stop = new StopLast(servers);
        application.addInitializers(stop);
        application.addListeners(stop);
        log.info("Local default: started {} embedded server(s), data in {}", servers.size(), dataDir);
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

    private static CompletableFuture<LocalServer> startAsync(Supplier<LocalServer> start) {
        return CompletableFuture.supplyAsync(start);
    }

    private static List<LocalServer> awaitAll(List<CompletableFuture<LocalServer>> starting) {
        List<LocalServer> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<LocalServer> future : starting) {
            try {
                started.add(future.join());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            started.forEach(LocalServer::close);
            throw failure;
        }
        return started;
    }

    /**
     * Stops the embedded servers after everything that uses them: registered as the context's first disposable bean,
     * it is destroyed last, once Camel, Quartz and the connection pool have stopped (stopping on ContextClosedEvent,
     * which comes first, made every consumer log its lost server). Also stops them when the application fails to start,
     * and at JVM exit after Spring's shutdown hook (PostgreSQL's own JVM hook would race the application's close).
     */
    private static final class StopLast implements ApplicationContextInitializer<ConfigurableApplicationContext>,
            ApplicationListener<ApplicationFailedEvent>, DisposableBean {

        private final List<LocalServer> servers;
        private final AtomicBoolean stopped = new AtomicBoolean();

        StopLast(List<LocalServer> servers) {
            this.servers = new ArrayList<>(servers);
            Collections.reverse(this.servers);
            // and when the JVM exits without closing the context, after Spring's own hook has closed what it holds
            SpringApplication.getShutdownHandlers().add(this::destroy);
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("notifyLocalServers", this);
            }
        }

        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            destroy();
        }

        @Override
        public void destroy() {
            if (stopped.compareAndSet(false, true)) {
                for (LocalServer server : servers) {
                    try {
                        server.close();
                    } catch (RuntimeException e) {
                        log.warn("Could not stop {}", server.getClass().getSimpleName(), e);
                    }
                }
            }
        }
    }
}
