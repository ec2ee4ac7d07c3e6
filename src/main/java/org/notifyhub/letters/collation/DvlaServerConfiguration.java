package org.notifyhub.letters.collation;

import java.util.Locale;
import org.apache.camel.Component;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** DVLA's server over the protocol notify.dvla.protocol names (sftp, the default, or ftp), and its dvla: endpoints. */
@Configuration
class DvlaServerConfiguration {

    @Bean
    DvlaServer dvlaServer(@Value("${notify.dvla.protocol:sftp}") String protocol, ProducerTemplate producer,
                          DvlaFtpProperties server, DvlaSftpProperties sftp) {
        return switch (protocol.trim().toLowerCase(Locale.ROOT)) {
            case "sftp" -> new DvlaSftp(producer, server, sftp);
            case "ftp" -> new DvlaFtp(producer, server);
            default -> throw new IllegalArgumentException("notify.dvla.protocol must be sftp or ftp, not " + protocol);
        };
    }

    @Bean("dvla")
    Component dvlaComponent(DvlaServer server) {
        return new DvlaComponent(server);
    }
}
