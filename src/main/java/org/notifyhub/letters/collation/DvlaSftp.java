package org.notifyhub.letters.collation;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.springframework.util.StringUtils;

/**
 * DVLA's server over SFTP, as Notify's FTP app reached it: camel-ftp's sftp component (JSch) with a password or a
 * private key, and the server's host key checked against the configured known_hosts line(s), never trusted on first
 * sight. Size and delete go through the same component's operations, so they log in and check the host the same way.
 */
public class DvlaSftp extends DvlaServer {

    /** SFTP writes in flight before JSch waits for acknowledgements: 16 left a 500 MiB zip at 30 MiB/s, 128 at 80. */
    private static final int BULK_REQUESTS = 128;

    private final DvlaSftpProperties sftp;

    public DvlaSftp(ProducerTemplate producer, DvlaFtpProperties server, DvlaSftpProperties sftp) {
        super("SFTP", producer, server);
        this.sftp = sftp;
    }

    @Override
    public OptionalLong remoteSize(String zipName) throws IOException {
        return withOperations(operations -> {
            try {
                for (SftpRemoteFile<?> file : operations.listFiles(path(zipName))) {
                    if (!file.isDirectory() && zipName.equals(file.getFilename())) {
                        return OptionalLong.of(file.getFileLength());
                    }
                }
                return OptionalLong.empty();
            } catch (GenericFileOperationFailedException e) {
                if (serverError(e) == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return OptionalLong.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public boolean delete(String zipName) throws IOException {
        return withOperations(operations -> {
            try {
                return operations.deleteFile(path(zipName));
            } catch (GenericFileOperationFailedException e) {
                // The server answered and refused (no such file, a folder, no permission); a lost connection throws.
                if (serverError(e) >= 0) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    protected String folderUri(String folder) {
        String password = StringUtils.hasText(server.password()) ? "&password=RAW(" + server.password() + ")" : "";
        return "sftp://" + hostAndPort(22) + "/" + folder + "?username=RAW(" + server.username() + ")" + password
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false&bulkRequests=" + BULK_REQUESTS;
    }

    @Override
    protected void configure(Endpoint endpoint) {
        SftpConfiguration configuration = ((SftpEndpoint) endpoint).getConfiguration();
        // Empty known hosts with strict checking refuses every server: there is no trust on first use.
        configuration.setKnownHosts(text(sftp.knownHosts()).getBytes(StandardCharsets.UTF_8));
        String key = text(sftp.privateKey()).trim();
        if (key.startsWith("-----BEGIN")) {
            configuration.setPrivateKey((key + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (!key.isEmpty()) {
            configuration.setPrivateKeyFile(key);
        }
        if (StringUtils.hasText(sftp.privateKeyPassphrase())) {
            configuration.setPrivateKeyPassphrase(sftp.privateKeyPassphrase());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The SFTP status code the server answered with, or -1 when it did not answer (connection, host key, login). */
    private static int serverError(GenericFileOperationFailedException e) {
        return e.getCause() instanceof SftpException refused ? refused.id : -1;
    }

    private interface SftpCall<T> {
        T call(SftpOperations operations);
    }

    private <T> T withOperations(SftpCall<T> call) throws IOException {
        SftpEndpoint endpoint = (SftpEndpoint) folder(server.folder(), Map.of());
        SftpOperations operations = (SftpOperations) endpoint.createRemoteFileOperations();
        try {
            operations.connect(endpoint.getConfiguration(), null);
            return call.call(operations);
        } catch (GenericFileOperationFailedException e) {
            throw new IOException("DVLA's SFTP server: " + e.getMessage(), e);
        } finally {
            try {
                operations.disconnect();
            } catch (GenericFileOperationFailedException ignored) {
                // The answer is in; a failed goodbye changes nothing.
            }
        }
    }
}
