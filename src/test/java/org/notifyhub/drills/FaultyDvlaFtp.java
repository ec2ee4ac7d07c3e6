package org.notifyhub.drills;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.UserFactory;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * DVLA's FTP server with faults the drill controls, by upload number (from 1, in the order uploads start): a cut upload
 * breaks after {@code cutAfterBytes} (the server keeps the bytes it had, answers 426 and leaves the partial file, as
 * when the data connection drops mid-transfer); an upload whose reply is lost is stored whole but answered 426 (the
 * connection dropped before the client heard the end); and the first {@code deletesRefused} DELEs are refused (450).
 * Closing the data connection from an Ftplet does not stop MINA's own transfer, so a faulty upload is received here.
 * Loopback only; files under {@link #home()}.
 */
final class FaultyDvlaFtp implements AutoCloseable {

    /** Which uploads break and how, and how many deletes are refused. */
    record Faults(Set<Integer> cutUploads, int cutAfterBytes, Set<Integer> replyLostUploads, int deletesRefused) {

        static Faults cuts(Set<Integer> uploads, int afterBytes) {
            return new Faults(uploads, afterBytes, Set.of(), 0);
        }

        static Faults none() {
            return cuts(Set.of(), 0);
        }
    }

    private static final String USER = "dvla";
    private static final String PASSWORD = "drill-faulty-ftp";

    private final Path home;
    private final int port;
    private final FtpServer server;
    private final AtomicInteger uploads = new AtomicInteger();
    private final List<String> cut = new CopyOnWriteArrayList<>();
    private final AtomicInteger deletes = new AtomicInteger();
    private final List<String> refusedDeletes = new CopyOnWriteArrayList<>();

    FaultyDvlaFtp(Path dataDir, Faults faults) throws Exception {
        home = Files.createDirectories(dataDir.resolve("faulty-dvla-ftp"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UserFactory user = new UserFactory();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        FtpServerFactory factory = new FtpServerFactory();
        factory.getUserManager().save(user.createUser());
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        // A mutable map: the server clears it when it stops.
        Map<String, Ftplet> ftplets = new HashMap<>();
        ftplets.put("cut-uploads", new DefaultFtplet() {
            @Override
            public FtpletResult onUploadStart(FtpSession session, FtpRequest request) throws FtpException {
                int upload = uploads.incrementAndGet();
                boolean cutShort = faults.cutUploads().contains(upload);
                if (!cutShort && !faults.replyLostUploads().contains(upload)) {
                    return FtpletResult.DEFAULT;
                }
                receiveThenFail(session, request.getArgument(), cutShort ? faults.cutAfterBytes() : Long.MAX_VALUE);
                cut.add(request.getArgument());
                return FtpletResult.SKIP;
            }

            @Override
            public FtpletResult onDeleteStart(FtpSession session, FtpRequest request) throws FtpException {
                if (deletes.incrementAndGet() > faults.deletesRefused()) {
                    return FtpletResult.DEFAULT;
                }
                refusedDeletes.add(request.getArgument());
                session.write(new DefaultFtpReply(450, "Requested file action not taken."));
                return FtpletResult.SKIP;
            }
        });
        factory.setFtplets(ftplets);
        server = factory.createServer();
        server.start();
    }

    /** STOR as MINA does it, except that the file takes only the first {@code bytes} and the transfer then fails. */
    private static void receiveThenFail(FtpSession session, String name, long bytes) throws FtpException {
        session.write(new DefaultFtpReply(150, "Opening binary mode data connection for " + name + "."));
        try (OutputStream partial = new Truncating(session.getFileSystemView().getFile(name).createOutputStream(0), bytes)) {
            session.getDataConnection().openConnection().transferFromClient(session, partial);
        } catch (Exception e) {
            // The cut: the partial file stays as it is.
        } finally {
            session.getDataConnection().closeDataConnection();
        }
        session.write(new DefaultFtpReply(426, "Connection closed; transfer aborted."));
    }

    /** What a node needs to use this server for zips and response files. */
    Map<String, Object> properties() {
        return Map.of("notify.dvla.protocol", "ftp", "notify.dvla.ftp.host", "127.0.0.1", "notify.dvla.ftp.port", port,
                "notify.dvla.ftp.username", USER, "notify.dvla.ftp.password", PASSWORD);
    }

    Path home() {
        return home;
    }

    /** Uploads started so far. */
    int uploads() {
        return uploads.get();
    }

    /** The files whose upload failed (cut or reply lost), as the client named them. */
    List<String> cut() {
        return List.copyOf(cut);
    }

    /** The files whose DELE was refused. */
    List<String> refusedDeletes() {
        return List.copyOf(refusedDeletes);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Writes through the first {@code limit} bytes, then fails every write. */
    private static final class Truncating extends FilterOutputStream {

        private long left;

        Truncating(OutputStream out, long limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int through = (int) Math.min(left, len);
            out.write(b, off, through);
            left -= through;
            if (through < len) {
                throw new IOException("The data connection dropped");
            }
        }
    }
}
