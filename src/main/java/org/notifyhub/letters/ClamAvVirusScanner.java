package org.notifyhub.letters;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a clamd daemon over TCP with its INSTREAM command: {@code zINSTREAM\0}, then the file in chunks each
 * preceded by its length as a 4-byte big-endian number, then a zero length. clamd answers one line:
 * {@code stream: OK}, {@code stream: <signature> FOUND}, or {@code ... ERROR}.
 */
public class ClamAvVirusScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    private final String host;
    private final int port;
    private final Duration timeout;

    public ClamAvVirusScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public ScanResult scan(byte[] content) {
        String reply;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            reply = readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new VirusScanException("ClamAV at " + host + ":" + port + " did not answer: " + e.getMessage(), e);
        }
        return parse(reply);
    }

    static ScanResult parse(String reply) {
        String answer = reply.strip();
        int colon = answer.indexOf(": ");
        String verdict = colon >= 0 ? answer.substring(colon + 2) : answer;
        if (verdict.equals("OK")) {
            return ScanResult.clean();
        }
        if (verdict.endsWith(" FOUND")) {
            return ScanResult.infected(verdict.substring(0, verdict.length() - " FOUND".length()));
        }
        throw new VirusScanException("ClamAV could not scan the file: " + answer);
    }

    /** clamd ends a z-command's reply with a NUL byte, or closes the connection. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new IOException("empty reply");
        }
        return reply.toString(StandardCharsets.US_ASCII);
    }
}
