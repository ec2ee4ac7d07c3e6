package org.notifyhub.templates;

import java.util.Arrays;
import java.util.List;

/** The three kinds of template Notify sends, with the names the API uses for them. */
public enum TemplateType {
    SMS("sms"),
    EMAIL("email"),
    LETTER("letter");

    private final String wireName;

    TemplateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a type given by its wire name (from a request or a row) is this one. */
    public boolean is(String wireName) {
        return this.wireName.equals(wireName);
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(TemplateType::wireName).toList();
    }

    public static TemplateType fromWireName(String wireName) {
        for (TemplateType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown template type: " + wireName);
    }
}
