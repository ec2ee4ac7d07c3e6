package org.notifyhub.common;

import java.util.List;

/** One or more JSON-schema failures of a v2 request: a 400 with one ValidationError entry each. */
public class V2ValidationException extends V2ApiException {

    private final List<String> messages;

    public V2ValidationException(List<String> messages) {
        super(400, "ValidationError", String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
