package org.notifyhub.letters.collation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DVLA's server over the protocol notify.dvla.protocol names (sftp, the default, or ftp), its dvla: endpoints, and
 * its uploads kept out of Camel's stream cache.
 */
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

    /** A letter zip streams from S3 to DVLA as it is written: cached by Camel first, it would be spooled whole. */
    @Bean
    CamelContextConfiguration dvlaUploadsUncached() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                StreamCachingStrategy strategy = camel.getStreamCachingStrategy();
                List<Class<?>> deny = new ArrayList<>();
                if (strategy.getDenyClasses() != null) {
                    deny.addAll(strategy.getDenyClasses());
                }
                deny.add(DvlaServer.Upload.class);
                strategy.setDenyClasses(deny.toArray(Class<?>[]::new));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean("dvla")
    Component dvlaComponent(DvlaServer server) {
        return new DvlaComponent(server);
    }
}
