package org.notifyhub.letters.collation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub logs in to DVLA's SFTP server and knows it (notify.dvla.sftp.*): a private key (PEM text or a file path,
 * its passphrase optional) instead of or beside the password, and the known_hosts line(s) of the server's host key,
 * always checked.
 */
@ConfigurationProperties("notify.dvla.sftp")
public record DvlaSftpProperties(String privateKey, String privateKeyPassphrase, String knownHosts) {
}
