package org.notifyhub.receipts.mapping;

import java.util.List;
import org.notifyhub.common.ProviderRequestException;

/**
 * A receipt body is unusable: required fields missing or the body cannot be read. The messages
 * are the ones GOV.UK Notify returns in its 400 response, e.g. {@code MMG callback failed: CID missing}.
 */
public class InvalidReceiptException extends ProviderRequestException {

    private final List<String> messages;

    public InvalidReceiptException(List<String> messages) {
        super(400, String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }

    @Override
    public Object bodyMessage() {
        return messages;
    }
}
