package org.notifyhub.services;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of service callback a service can configure, as {@code service_callback_api.callback_type} names them. */
public enum CallbackType {
    DELIVERY_STATUS("delivery_status"),
    COMPLAINT("complaint"),
    INBOUND_SMS("inbound_sms");

    private final String wireName;

    CallbackType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
