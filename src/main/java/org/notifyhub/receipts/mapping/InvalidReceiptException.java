package org.notifyhub.receipts.mapping;

import java.util.List;

/**
 * A receipt body is unusable: required fields missing or the body cannot be read. The messages
 * are the ones GOV.UK Notify returns in its 400 response, e.g. {@code MMG callback failed: CID missing}.
 */
public class InvalidReceiptException extends RuntimeException {

    private final List<String> messages;

    public InvalidReceiptException(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
