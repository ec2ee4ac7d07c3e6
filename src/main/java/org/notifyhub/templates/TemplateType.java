package org.notifyhub.templates;

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

    public static TemplateType fromWireName(String wireName) {
        for (TemplateType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown template type: " + wireName);
    }
}
