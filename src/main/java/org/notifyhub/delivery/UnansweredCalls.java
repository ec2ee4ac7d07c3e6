package org.notifyhub.delivery;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;

/**
 * Tells a provider call the provider may have taken from one it certainly did not. A read timeout or a connection
 * reset after the request went out is ambiguous: the provider may have accepted the message and only its answer was
 * lost, so sending again at once could send twice. A refused or timed-out connection, an unknown host, or any answer
 * the provider gave (4xx, 5xx, a refusal in the body) is definite: nothing was taken.
 */
public final class UnansweredCalls {

    private static final String SDK_TIMEOUTS = "software.amazon.awssdk.core.exception.ApiCallTimeoutException"
            + "|software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException";

    private UnansweredCalls() {
    }

    /** True when some cause of this failure is an I/O failure after the connection was made. */
    public static boolean unanswered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (neverConnected(cause)) {
                return false;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException
                    || SDK_TIMEOUTS.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SocketException && message(cause).contains("reset")
                    || message(cause).contains("unexpected end of file")
                    || message(cause).contains("premature end") || cause instanceof java.io.EOFException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean neverConnected(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException
                || cause instanceof SocketTimeoutException && message(cause).contains("connect timed out");
    }

    private static String message(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    }
}
