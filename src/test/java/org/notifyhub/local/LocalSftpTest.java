package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local default's SFTP server keeps its host key in the data folder: a restart is the same server to the hub
 * (only the port, chosen free each start, changes), and the hub is told exactly that key to check.
 */
class LocalSftpTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheHostKeyAndTheHubIsGivenItsKnownHostsLine() {
        String firstKey;
        try (LocalSftp first = LocalSftp.start(dataDir, "pw", List.of())) {
            Map<String, Object> properties = first.properties();
            assertThat(properties).containsEntry("notify.dvla.protocol", "sftp")
                    .containsEntry("notify.dvla.ftp.host", "127.0.0.1")
                    .containsEntry("notify.dvla.ftp.username", "dvla")
                    .containsEntry("notify.dvla.ftp.password", "pw");
            String knownHosts = (String) properties.get("notify.dvla.sftp.known-hosts");
            assertThat(knownHosts).startsWith("[127.0.0.1]:" + properties.get("notify.dvla.ftp.port") + " ecdsa-sha2-");
            firstKey = knownHosts.substring(knownHosts.indexOf(' ') + 1);
        }
        assertThat(dataDir.resolve("dvla-sftp-host-key")).exists();

        try (LocalSftp again = LocalSftp.start(dataDir, "pw", List.of())) {
            String knownHosts = (String) again.properties().get("notify.dvla.sftp.known-hosts");
            assertThat(knownHosts.substring(knownHosts.indexOf(' ') + 1)).isEqualTo(firstKey);
        }
    }
}
