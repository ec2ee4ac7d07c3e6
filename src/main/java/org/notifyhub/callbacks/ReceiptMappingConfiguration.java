package org.notifyhub.callbacks;

import org.notifyhub.callbacks.mapping.FiretextReceiptParser;
import org.notifyhub.callbacks.mapping.MmgReceiptParser;
import org.notifyhub.callbacks.mapping.ReceiptStatusMappings;
import org.notifyhub.callbacks.mapping.SesNotificationParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads mappings/*.yaml once at startup: a bad mapping file stops the hub from starting. */
@Configuration(proxyBeanMethods = false)
public class ReceiptMappingConfiguration {

    @Bean
    public ReceiptStatusMappings receiptStatusMappings() {
        return ReceiptStatusMappings.loadDefault();
    }

    @Bean
    public SesNotificationParser sesNotificationParser() {
        return new SesNotificationParser();
    }

    @Bean
    public FiretextReceiptParser firetextReceiptParser() {
        return new FiretextReceiptParser();
    }

    @Bean
    public MmgReceiptParser mmgReceiptParser() {
        return new MmgReceiptParser();
    }
}
