package org.notifyhub.letters.collation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/** DVLA's FTP server (notify.dvla.ftp.*): the embedded server on the local default, DVLA's elsewhere. */
@ConfigurationProperties("notify.dvla.ftp")
public record DvlaFtpProperties(String host, Integer port, String username, String password, String remoteFolder) {

    public boolean configured() {
        return StringUtils.hasText(host);
    }

    public int portOrDefault() {
        return port == null ? 21 : port;
    }

    /** Where zips go, relative to the FTP user's home. */
    public String folder() {
        return StringUtils.hasText(remoteFolder) ? remoteFolder : "notify";
    }
}
