package org.notifyhub.admin.billing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.RequestBody;

/** Request fields the billing endpoints share, with Notify's JSON Schema wording. */
final class BillingFields {

    /** Notify's answer when ?year= is missing or not a number. */
    static final String NO_VALID_YEAR = "No valid year provided";

    private BillingFields() {
    }

    /** A required "YYYY-MM-DD" field; null (reported) when missing or not a date. */
    static LocalDate requiredDate(RequestBody request, String field) {
        String text = request.requiredString(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return request.reject(field, field + " " + text + " is not a date");
        }
    }

    /** ?year=2025 as Notify's usage endpoints read it. */
    static int year(String text) {
        if (text == null || !text.strip().matches("-?\\d{1,9}")) {
            throw AdminApiException.badRequest(NO_VALID_YEAR);
        }
        return Integer.parseInt(text.strip());
    }
}
