package org.notifyhub.alerts;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises an alert on every configured channel: the log always, a webhook and Zendesk when configured. Never throws,
 * so whatever raised the alert carries on (its own outcome is already decided).
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final List<AlertChannel> channels;
    private final Clock clock;

    public Alerts(List<AlertChannel> channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    public Alert raise(String kind, String title, String body) {
        Alert alert = new Alert(kind, title, body, clock.instant());
        for (AlertChannel channel : channels) {
            try {
                channel.send(alert);
            } catch (RuntimeException e) {
                log.error("Could not send the {} alert '{}' to the {} channel", kind, title, channel.name(), e);
            }
        }
        return alert;
    }
}
