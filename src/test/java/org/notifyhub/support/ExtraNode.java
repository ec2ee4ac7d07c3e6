package org.notifyhub.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.notifyhub.NotifyHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Another hub node in this JVM: a separate application context, for cluster and restart tests. */
public final class ExtraNode {

    private ExtraNode() {
    }

    /** Properties that point a second node at the same database, queues, object store and FTP server as the first. */
    public static Map<String, Object> sharingInfrastructureOf(Environment first) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "notify.sqs.endpoint", "notify.sqs.region", "notify.sqs.access-key", "notify.sqs.secret-key",
                "notify.s3.endpoint", "notify.s3.region", "notify.s3.access-key", "notify.s3.secret-key",
                "notify.dvla.ftp.host", "notify.dvla.ftp.port", "notify.dvla.ftp.username", "notify.dvla.ftp.password",
                "notify.secret-key", "notify.schedules.replay-created-notifications"}) {
            properties.put(key, first.getProperty(key));
        }
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("server.port", 0);
        // One JMX domain per JVM: only the main test node registers its MBeans.
        all.put("spring.jmx.enabled", false);
        all.put("camel.main.jmx-enabled", false);
        // As command-line arguments, so they outrank application.yml the way environment variables do.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(NotifyHubApplication.class).run(args);
    }
}
