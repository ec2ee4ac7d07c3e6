package org.notifyhub.local;

import java.nio.file.Path;

/** Starts the local default's PostgreSQL on a data folder and holds it until killed, as a hub's JVM does. */
public final class LocalPostgresHolder {

    private LocalPostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        LocalPostgres.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
