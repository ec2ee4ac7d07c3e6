package org.notifyhub.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The local default's object store and DVLA server (SFTP, or plain FTP) started on their own, for a harness that runs
 * them in its own process beside hub nodes pointed at them (the fault drills kill nodes and keep these).
 */
public final class LocalServers {

    private LocalServers() {
    }

    /** S3Proxy over a folder of dataDir. */
    public static LocalServer objectStore(Path dataDir) {
        return LocalS3.start(dataDir, 0);
    }

    /**
     * Apache MINA SSHD's SFTP server over a folder of dataDir, user {@value LocalSftp#USER} with this password or one of
     * these authorized keys (OpenSSH public key lines); its properties carry the known_hosts line of its host key.
     */
    public static LocalServer dvlaSftp(Path dataDir, String password, List<String> authorizedKeys) {
        return LocalSftp.start(dataDir, password, authorizedKeys);
    }

    /** Apache MINA FtpServer over a folder of dataDir, user {@value LocalFtp#USER} with this password. */
    public static LocalServer dvlaFtp(Path dataDir, String password) {
        return LocalFtp.start(dataDir, password);
    }
}
