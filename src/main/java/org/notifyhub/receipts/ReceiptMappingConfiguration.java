package org.notifyhub.receipts;

import org.notifyhub.receipts.mapping.FiretextReceiptParser;
import org.notifyhub.receipts.mapping.MmgReceiptParser;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.receipts.mapping.SesNotificationParser;
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
