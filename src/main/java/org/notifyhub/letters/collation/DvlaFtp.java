package org.notifyhub.letters.collation;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.springframework.stereotype.Component;

/**
 * DVLA's FTP server: zips are uploaded with camel-ftp (streamed from the body), and their size read back with the
 * commons-net client camel-ftp is built on, since camel-ftp has no producer operation that answers a file's size.
 */
@Component
public class DvlaFtp {

    private final ProducerTemplate producer;
    private final DvlaFtpProperties ftp;

    public DvlaFtp(ProducerTemplate producer, DvlaFtpProperties ftp) {
        this.producer = producer;
        this.ftp = ftp;
    }

    public boolean configured() {
        return ftp.configured();
    }

    /** Uploads the stream as {@code zipName} into the remote folder; a failed upload throws. */
    public void upload(String zipName, InputStream content) throws IOException {
        try {
            producer.sendBodyAndHeader(uri(), content, Exchange.FILE_NAME, zipName);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("Upload to DVLA's FTP server failed: " + cause.getMessage(), cause);
        }
    }

    /** The remote file's size, or empty when the server does not know the file. */
    public OptionalLong remoteSize(String zipName) throws IOException {
        return withClient(client -> {
            String size = client.getSize(path(zipName));
            return size == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size.trim()));
        });
    }

    /** Removes a remote file that must not be printed (an upload that turned out wrong). */
    public boolean delete(String zipName) throws IOException {
        return withClient(client -> client.deleteFile(path(zipName)));
    }

    private String uri() {
        return "ftp://" + ftp.host() + ":" + ftp.portOrDefault() + "/" + ftp.folder()
                + "?username=RAW(" + ftp.username() + ")&password=RAW(" + ftp.password() + ")"
                + "&passiveMode=true&binary=true&disconnect=true&fileExist=Override";
    }

    private String path(String zipName) {
        return ftp.folder() + "/" + zipName;
    }

    private interface FtpCall<T> {
        T call(FTPClient client) throws IOException;
    }

    private <T> T withClient(FtpCall<T> call) throws IOException {
        FTPClient client = new FTPClient();
        try {
            client.connect(ftp.host(), ftp.portOrDefault());
            if (!client.login(ftp.username(), ftp.password())) {
                throw new IOException("DVLA FTP login refused: " + client.getReplyString());
            }
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            return call.call(client);
        } finally {
            if (client.isConnected()) {
                try {
                    client.logout();
                } catch (IOException ignored) {
                    // The answer is in; a failed goodbye changes nothing.
                }
                client.disconnect();
            }
        }
    }
}
