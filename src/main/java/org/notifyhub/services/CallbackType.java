package org.notifyhub.services;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of service callback a service can configure, as {@code service_callback_api.callback_type} names them
 * (and queue messages carry them), each with the 404 text Notify gives when deleting one that is not there.
 */
public enum CallbackType {
    DELIVERY_STATUS("delivery_status", "Service delivery receipt API not found"),
    COMPLAINT("complaint", "Service complaint API not found"),
    RETURNED_LETTER("returned_letter", "Service returned letter API not found"),
    INBOUND_SMS("inbound_sms", "Service inbound API not found");

    private final String wireName;
    private final String notFound;

    CallbackType(String wireName, String notFound) {
        this.wireName = wireName;
        this.notFound = notFound;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String notFound() {
        return notFound;
    }

    public static Optional<CallbackType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Every wire name, comma-separated, in the order Notify's validation error lists them. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(CallbackType::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
