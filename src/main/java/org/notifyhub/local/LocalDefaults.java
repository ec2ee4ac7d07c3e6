package org.notifyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fixed values the embedded servers use; they guard nothing outside this machine. */
final class LocalDefaults {

    static final String REGION = "eu-west-2";
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local-secret";

    private LocalDefaults() {
    }

    /** A loopback port nothing listens on now, so a server's address is known before the server has started. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
