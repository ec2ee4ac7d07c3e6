package org.notifyhub.common;

/** A v2 API error: the HTTP status, Notify's error class name and its message, exactly as clients see them. */
public class V2ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public V2ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static V2ApiException badRequest(String message) {
        return new V2ApiException(400, "BadRequestError", message);
    }

    public static V2ApiException validation(String message) {
        return new V2ApiException(400, "ValidationError", message);
    }

    public static V2ApiException auth(int status, String message) {
        return new V2ApiException(status, "AuthError", message);
    }

    public static V2ApiException notFound() {
        return new V2ApiException(404, "NoResultFound", "No result found");
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
