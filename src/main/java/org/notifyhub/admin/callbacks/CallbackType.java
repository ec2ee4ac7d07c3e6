package org.notifyhub.admin.callbacks;

import java.util.Arrays;
import java.util.Optional;

/** The service_callback_type rows, with the 404 text Notify gives when deleting a callback that is not there. */
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

    public String wireName() {
        return wireName;
    }

    String notFound() {
        return notFound;
    }

    static Optional<CallbackType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(CallbackType::wireName).toList());
    }
}
