package org.notifyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** S3Proxy over a folder of the data directory, so objects survive restarts. */
final class LocalS3 implements LocalServer {

    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /** port 0: any free one. */
    static LocalS3 start(Path dataDir, int port) {
        Path root = dataDir.resolve("s3");
        try {
            Files.createDirectories(root);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(root.toAbsolutePath().toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalDefaults.ACCESS_KEY, LocalDefaults.SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.onSpinWait();
            }
            return new LocalS3(proxy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded S3 server", e);
        }
    }

    @Override
    public Map<String, Object> properties() {
        return properties(proxy.getPort());
    }

    static Map<String, Object> properties(int port) {
        return Map.of(
                "notify.s3.endpoint", "http://127.0.0.1:" + port,
                "notify.s3.region", LocalDefaults.REGION,
                "notify.s3.access-key", LocalDefaults.ACCESS_KEY,
                "notify.s3.secret-key", LocalDefaults.SECRET_KEY,
                // S3Proxy answers 501 to server-side encryption; the files are on this machine anyway.
                "notify.s3.server-side-encryption", false);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded S3 server", e);
        }
    }
}
