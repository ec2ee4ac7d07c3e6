package org.notifyhub.letters;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ClamAV when {@code notify.antivirus.clamav.host} is set, else the local scanner that only knows EICAR. */
@Configuration
public class VirusScannerConfiguration {

    @Bean
    public VirusScanner virusScanner(@Value("${notify.antivirus.clamav.host:}") String host,
                                     @Value("${notify.antivirus.clamav.port:3310}") int port,
                                     @Value("${notify.antivirus.clamav.timeout:30s}") Duration timeout) {
        return host.isBlank() ? new LocalVirusScanner() : new ClamAvVirusScanner(host, port, timeout);
    }
}
