package org.notifyhub.common;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code NOTIFY_LOG_FORMAT}: {@code text} (the default, for people) or {@code json}, one Logstash-style JSON object per
 * line for a log platform, carrying the node's name and the MDC keys of {@link MessageMdc} (the route, notification,
 * job or file being worked on). Runs before the logging system starts, so the first line is already JSON.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "notify-log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> properties = settings(env.getProperty("notify.log-format", "text"),
                env.getProperty("notify.node-name", "local"));
        if (!properties.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    static Map<String, Object> settings(String format, String nodeName) {
        Map<String, Object> properties = new HashMap<>();
        switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text", "" -> {
            }
            case "json" -> {
                properties.put("logging.structured.format.console", "logstash");
                properties.put("logging.structured.json.add.node", nodeName);
            }
            default -> throw new IllegalStateException("NOTIFY_LOG_FORMAT must be text or json but was: " + format);
        }
        return properties;
    }
}
