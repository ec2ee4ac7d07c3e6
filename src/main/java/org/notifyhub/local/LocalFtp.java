package org.notifyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache MINA FtpServer standing in for DVLA's server over plain FTP (notify.dvla.protocol=ftp), its files kept in the
 * data directory: the fault drills' server; the local default runs {@link LocalSftp}.
 */
final class LocalFtp implements LocalServer {

    static final String USER = "dvla";

    private final FtpServer server;
    private final int port;
    private final String password;

    private LocalFtp(FtpServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    static LocalFtp start(Path dataDir, String password) {
        Path home = dataDir.resolve("dvla-ftp");
        try {
            Files.createDirectories(home);
            int port = LocalDefaults.freePort();
            FtpServerFactory serverFactory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(port);
            serverFactory.addListener("default", listener.createListener());
            BaseUser user = new BaseUser();
            user.setName(USER);
            user.setPassword(password);
            user.setHomeDirectory(home.toAbsolutePath().toString());
            user.setAuthorities(List.<Authority>of(new WritePermission()));
            serverFactory.getUserManager().save(user);
            FtpServer server = serverFactory.createServer();
            server.start();
            return new LocalFtp(server, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException("Could not start the embedded FTP server", e);
        }
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "notify.dvla.protocol", "ftp",
                "notify.dvla.ftp.host", "127.0.0.1",
                "notify.dvla.ftp.port", port,
                "notify.dvla.ftp.username", USER,
                "notify.dvla.ftp.password", password);
    }

    @Override
    public void close() {
        server.stop();
    }
}
