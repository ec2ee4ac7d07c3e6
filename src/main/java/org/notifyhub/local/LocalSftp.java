package org.notifyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD's SFTP server standing in for DVLA's on the local default: files in the data directory, a host key
 * kept there so a restart keeps its identity, user {@value #USER} with the local password (or an authorized key), and
 * the hub given the server's known_hosts line, so host key checking stays on as in production.
 */
final class LocalSftp implements LocalServer {

    static final String USER = "dvla";
    static final String FOLDER = "dvla-sftp";
    private static final String HOST = "127.0.0.1";

    private final SshServer server;
    private final String password;
    private final String knownHosts;

    private LocalSftp(SshServer server, String password, String knownHosts) {
        this.server = server;
        this.password = password;
        this.knownHosts = knownHosts;
    }

    /** authorizedKeys: OpenSSH public key lines that may log in as {@value #USER} besides the password. */
    static LocalSftp start(Path dataDir, String password, List<String> authorizedKeys) {
        Path home = dataDir.resolve(FOLDER);
        SshServer server = SshServer.setUpDefaultServer();
        try {
            Files.createDirectories(home);
            List<PublicKey> authorized = new ArrayList<>();
            for (String line : authorizedKeys) {
                authorized.add(AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                        .resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
            Path hostKeyFile = dataDir.resolve("dvla-sftp-host-key");
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
            server.setHost(HOST);
            server.setPort(0);
            server.setKeyPairProvider(hostKeys);
            server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                    && authorized.stream().anyMatch(known -> KeyUtils.compareKeys(known, key)));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(home.toAbsolutePath()));
            server.start();
            int port = ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
            KeyPair hostKey = hostKeys.loadKeys(null).iterator().next();
            LocalSecrets.restrictToOwner(hostKeyFile);
            return new LocalSftp(server, password, "[" + HOST + "]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()));
        } catch (IOException e) {
            close(server);
            throw new UncheckedIOException("Could not start the embedded SFTP server", e);
        } catch (GeneralSecurityException e) {
            close(server);
            throw new IllegalStateException("Could not start the embedded SFTP server", e);
        }
    }

    @Override
    public Map<String, Object> properties() {
        int port = ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
        return Map.of(
                "notify.dvla.protocol", "sftp",
                "notify.dvla.ftp.host", HOST,
                "notify.dvla.ftp.port", port,
                "notify.dvla.ftp.username", USER,
                "notify.dvla.ftp.password", password,
                "notify.dvla.sftp.known-hosts", knownHosts);
    }

    @Override
    public void close() {
        close(server);
    }

    private static void close(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
