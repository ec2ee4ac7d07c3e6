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
        return badRequest(400, message);
    }

    /** Notify's BadRequestError raised with another status (a letter from a team key or a trial service: 403). */
    public static V2ApiException badRequest(int status, String message) {
        return new V2ApiException(status, "BadRequestError", message);
    }

    /** A letter's PDF asked for before it exists: Notify's own subclass of BadRequestError, so its own name. */
    public static V2ApiException pdfNotReady() {
        return new V2ApiException(400, "PDFNotReadyError", "PDF not available yet, try again later");
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
