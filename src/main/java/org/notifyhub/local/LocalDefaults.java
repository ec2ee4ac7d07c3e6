package org.notifyhub.local;

/** Fixed values the embedded servers use; they guard nothing outside this machine. */
final class LocalDefaults {

    static final String REGION = "eu-west-2";
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local-secret";

    private LocalDefaults() {
    }
}
