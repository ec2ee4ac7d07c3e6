package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The INSTREAM conversation, against a tiny clamd stand-in that checks what it is sent. */
class ClamAvVirusScannerTest {

    /** What the stand-in received: the command and the reassembled file. */
    private record Received(String command, byte[] content) {
    }

    @Test
    void aCleanFileIsStreamedInLengthPrefixedChunksAndPasses() throws Exception {
        byte[] file = new byte[150_000];
        Arrays.fill(file, (byte) 'a');
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Received> received = serveOnce(server, "stream: OK\0");

            VirusScanner.ScanResult result = scanner(server.getLocalPort()).scan(file);

            assertThat(result).isEqualTo(VirusScanner.ScanResult.clean());
            Received what = received.get(5, TimeUnit.SECONDS);
            assertThat(what.command()).isEqualTo("zINSTREAM");
            assertThat(what.content()).isEqualTo(file);
        }
    }

    @Test
    void aFoundSignatureIsInfected() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            serveOnce(server, "stream: Eicar-Test-Signature FOUND\0");

            VirusScanner.ScanResult result = scanner(server.getLocalPort()).scan("x".getBytes(StandardCharsets.US_ASCII));

            assertThat(result).isEqualTo(VirusScanner.ScanResult.infected("Eicar-Test-Signature"));
        }
    }

    @Test
    void anErrorReplyOrNoScannerIsNeitherCleanNorInfected() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            serveOnce(server, "INSTREAM size limit exceeded. ERROR\0");

            assertThatThrownBy(() -> scanner(server.getLocalPort()).scan(new byte[10]))
                    .isInstanceOf(VirusScanException.class).hasMessageContaining("size limit exceeded");
        }
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        int port = closedPort;
        assertThatThrownBy(() -> scanner(port).scan(new byte[10])).isInstanceOf(VirusScanException.class);
    }

    @Test
    void theLocalScannerOnlyKnowsEicar() {
        LocalVirusScanner local = new LocalVirusScanner();

        assertThat(local.scan(("prefix " + LocalVirusScanner.EICAR).getBytes(StandardCharsets.US_ASCII)).infected()).isTrue();
        assertThat(local.scan("%PDF-1.7 clean".getBytes(StandardCharsets.US_ASCII)).infected()).isFalse();
    }

    private static ClamAvVirusScanner scanner(int port) {
        return new ClamAvVirusScanner("127.0.0.1", port, Duration.ofSeconds(5));
    }

    /** Accepts one connection, reads zINSTREAM\0 and the chunks up to the zero length, then answers {@code reply}. */
    private static CompletableFuture<Received> serveOnce(ServerSocket server, String reply) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                ByteArrayOutputStream command = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) > 0) {
                    command.write(b);
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int length = in.readInt(); length > 0; length = in.readInt()) {
                    assertThat(length).isLessThanOrEqualTo(64 * 1024);
                    content.write(in.readNBytes(length));
                }
                OutputStream out = socket.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return new Received(command.toString(StandardCharsets.US_ASCII), content.toByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
