package org.notifyhub.letters.collation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.URISupport;

/**
 * DVLA's server, over SFTP (as Notify's FTP app) or plain FTP (notify.dvla.protocol): the collation uploads zips,
 * reads their size back and removes a wrong upload; the response route reads DVLA's files through {@code dvla:}
 * endpoints ({@link DvlaComponent}), so the address, login and host key checking live here only.
 */
public abstract class DvlaServer {

    private final String protocol;
    private final ProducerTemplate producer;
    protected final DvlaFtpProperties server;

    protected DvlaServer(String protocol, ProducerTemplate producer, DvlaFtpProperties server) {
        this.protocol = protocol;
        this.producer = producer;
        this.server = server;
    }

    public boolean configured() {
        return server.configured();
    }

    /** "SFTP" or "FTP", as operators read it in errors and alerts. */
    public String protocol() {
        return protocol;
    }

    /** Uploads the stream as {@code zipName} into the remote folder; a failed upload throws. */
    public void upload(String zipName, InputStream content) throws IOException {
        try {
            producer.sendBodyAndHeader(folder(server.folder(), Map.of("fileExist", "Override", "disconnect", true)),
                    new Upload(content), Exchange.FILE_NAME, zipName);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("Upload to DVLA's " + protocol() + " server failed: " + reasons(cause), cause);
        }
    }

    /** The message and the causes' own, so an alert says why ("Auth fail", "reject HostKey"), not only what failed. */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !reasons.toString().contains(cause.getMessage())) {
                reasons.append(": ").append(cause.getMessage());
            }
        }
        return reasons.toString();
    }

    /**
     * A zip on its way to DVLA, streamed as it is written: Camel must not cache it first (denied in
     * {@link DvlaServerConfiguration}), which would read the whole zip before even connecting.
     */
    static final class Upload extends FilterInputStream {

        Upload(InputStream zip) {
            super(zip);
        }
    }

    /** The remote file's size, or empty when the server does not know the file. */
    public abstract OptionalLong remoteSize(String zipName) throws IOException;

    /** Removes a remote file that must not be printed (an upload that turned out wrong); false when refused. */
    public abstract boolean delete(String zipName) throws IOException;

    /** A camel-ftp endpoint on a folder of this server (relative to the login's home), with these endpoint options. */
    public Endpoint folder(String folder, Map<String, Object> options) {
        CamelContext camel = producer.getCamelContext();
        Map<String, Object> query = new LinkedHashMap<>(options);
        String uri = folderUri(folder) + (query.isEmpty() ? "" : "&" + URISupport.createQueryString(query));
        Endpoint endpoint = camel.getEndpoint(uri);
        configure(endpoint);
        return endpoint;
    }

    /** The camel-ftp URI of a folder: address and login, with a query string. */
    protected abstract String folderUri(String folder);

    /** Settings no URI should carry (key material). */
    protected void configure(Endpoint endpoint) {
    }

    protected String path(String zipName) {
        return server.folder() + "/" + zipName;
    }

    protected String hostAndPort(int defaultPort) {
        return server.host() + ":" + server.portOr(defaultPort);
    }
}
