package org.notifyhub.local;

import java.nio.file.Path;

/**
 * The local default's object store and DVLA FTP server started on their own, for a harness that runs them in its
 * own process beside hub nodes pointed at them (the fault drills kill nodes and keep these).
 */
public final class LocalServers {

    private LocalServers() {
    }

    /** S3Proxy over a folder of dataDir. */
    public static LocalServer objectStore(Path dataDir) {
        return LocalS3.start(dataDir);
    }

    /** Apache MINA FtpServer over a folder of dataDir, user {@value LocalFtp#USER} with this password. */
    public static LocalServer dvlaFtp(Path dataDir, String password) {
        return LocalFtp.start(dataDir, password);
    }
}
