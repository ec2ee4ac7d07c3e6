package org.notifyhub.letters.collation;

import java.io.IOException;
import java.util.OptionalLong;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * DVLA's server over plain FTP (notify.dvla.protocol=ftp): zips are uploaded with camel-ftp (streamed from the body),
 * and their size read back with the commons-net client camel-ftp is built on, since camel-ftp has no producer
 * operation that answers a file's size.
 */
public class DvlaFtp extends DvlaServer {

    public DvlaFtp(ProducerTemplate producer, DvlaFtpProperties ftp) {
        super("FTP", producer, ftp);
    }

    @Override
    public OptionalLong remoteSize(String zipName) throws IOException {
        return withClient(client -> {
            String size = client.getSize(path(zipName));
            return size == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size.trim()));
        });
    }

    @Override
    public boolean delete(String zipName) throws IOException {
        return withClient(client -> client.deleteFile(path(zipName)));
    }

    @Override
    protected String folderUri(String folder) {
        return "ftp://" + hostAndPort(21) + "/" + folder + "?username=RAW(" + server.username() + ")&password=RAW("
                + server.password() + ")&passiveMode=true&binary=true";
    }

    private interface FtpCall<T> {
        T call(FTPClient client) throws IOException;
    }

    private <T> T withClient(FtpCall<T> call) throws IOException {
        FTPClient client = new FTPClient();
        try {
            client.connect(server.host(), server.portOr(21));
            if (!client.login(server.username(), server.password())) {
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
