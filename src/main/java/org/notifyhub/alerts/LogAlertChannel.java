package org.notifyhub.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every alert is logged at ERROR on the logger {@code notify.alerts}, whatever else is configured. */
@Component
public class LogAlertChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger("notify.alerts");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Alert alert) {
        log.error("ALERT [{}] {}: {}", alert.kind(), alert.title(), alert.body());
    }
}
