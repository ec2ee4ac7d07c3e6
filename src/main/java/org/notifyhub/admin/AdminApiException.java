package org.notifyhub.admin;

import java.util.List;
import java.util.Map;

/**
 * An admin API error as Notify's admin blueprints answer it: an HTTP status and a message that is either a sentence
 * or a map of field names to their messages.
 */
public class AdminApiException extends RuntimeException {

    public static final String NO_RESULT_FOUND = "No result found";

    private final int status;
    private final transient Object body;

    public AdminApiException(int status, Object message) {
        super(String.valueOf(message));
        this.status = status;
        this.body = message;
    }

    public static AdminApiException badRequest(String message) {
        return new AdminApiException(400, message);
    }

    public static AdminApiException invalid(String field, String message) {
        return new AdminApiException(400, Map.of(field, List.of(message)));
    }

    public static AdminApiException invalid(Map<String, List<String>> fieldMessages) {
        return new AdminApiException(400, fieldMessages);
    }

    public static AdminApiException notFound() {
        return new AdminApiException(404, NO_RESULT_FOUND);
    }

    public static AdminApiException notFound(String message) {
        return new AdminApiException(404, message);
    }

    public int status() {
        return status;
    }

    /** The {@code message} of the error envelope: a string or a {field: [messages]} map. */
    public Object body() {
        return body;
    }
}
