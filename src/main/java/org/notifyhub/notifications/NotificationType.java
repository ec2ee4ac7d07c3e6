package org.notifyhub.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.notifyhub.templates.TemplateType;

/** The three channels a notification goes out on, with the names the API, the database and the queues use. */
public enum NotificationType {
    SMS("sms", TemplateType.SMS),
    EMAIL("email", TemplateType.EMAIL),
    LETTER("letter", TemplateType.LETTER);

    private final String wireName;
    private final TemplateType templateType;

    NotificationType(String wireName, TemplateType templateType) {
        this.wireName = wireName;
        this.templateType = templateType;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public TemplateType templateType() {
        return templateType;
    }

    /** A notification has the type of the template it was sent from. */
    public static NotificationType of(TemplateType templateType) {
        return Arrays.stream(values()).filter(t -> t.templateType == templateType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No notifications from " + templateType + " templates"));
    }

    public static NotificationType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification type: " + name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
