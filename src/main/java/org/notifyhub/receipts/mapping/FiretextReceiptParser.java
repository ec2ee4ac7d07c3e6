package org.notifyhub.receipts.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a Firetext delivery receipt: the form fields of POST /notifications/sms/firetext. */
public final class FiretextReceiptParser {

    static final String PROVIDER = "firetext";

    /**
     * @param form the decoded form fields ({@code status}, {@code reference}, optional {@code code},
     *             {@code mobile}, {@code time})
     * @throws InvalidReceiptException listing {@code Firetext callback failed: status missing} and/or
     *                                 {@code Firetext callback failed: reference missing}
     */
    public SmsReceipt parse(Map<String, String> form) {
        Map<String, String> fields = form == null ? Map.of() : form;
        List<String> errors = new ArrayList<>();
        String status = required(fields, "status", errors);
        String reference = required(fields, "reference", errors);
        if (!errors.isEmpty()) {
            throw new InvalidReceiptException(errors);
        }
        String code = fields.get("code");
        return new SmsReceipt(PROVIDER, reference, status, code == null || code.isEmpty() ? null : code);
    }

    private static String required(Map<String, String> fields, String name, List<String> errors) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            errors.add(FiretextMapping.CLIENT + " callback failed: " + name + " missing");
            return null;
        }
        return value;
    }
}
