package org.notifyhub.receipts.mapping;

/**
 * An SMS delivery receipt from Firetext or MMG.
 *
 * @param provider     {@code firetext} or {@code mmg}, as {@link ReceiptStatusMappings#mayUpdate} expects
 * @param reference    our notification id, which we sent to the provider as its reference
 * @param status       the provider's status code, e.g. {@code "0"}
 * @param detailedCode Firetext {@code code} or MMG {@code substatus}; null when absent
 */
public record SmsReceipt(String provider, String reference, String status, String detailedCode) {
}
