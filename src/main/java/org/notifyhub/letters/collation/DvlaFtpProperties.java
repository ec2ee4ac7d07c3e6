package org.notifyhub.letters.collation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * DVLA's server (notify.dvla.ftp.*), whichever protocol reaches it: the embedded server on the local default, DVLA's
 * elsewhere. A password is optional over SFTP, where a private key may log in instead ({@link DvlaSftpProperties}).
 */
@ConfigurationProperties("notify.dvla.ftp")
public record DvlaFtpProperties(String host, Integer port, String username, String password, String remoteFolder) {

    public boolean configured() {
        return StringUtils.hasText(host);
    }

    /** The port given, or the protocol's own (21 for FTP, 22 for SFTP). */
    public int portOr(int protocolDefault) {
        return port == null ? protocolDefault : port;
    }

    /** Where zips go, relative to the user's home. */
    public String folder() {
        return StringUtils.hasText(remoteFolder) ? remoteFolder : "notify";
    }
}
