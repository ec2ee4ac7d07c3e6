package org.notifyhub.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notifyhub.templates.TemplateType;

/**
 * Turns a job CSV's data rows into recipient and personalisation, given its header row: the recipient is the
 * {@code phone number} or {@code email address} column (letters take theirs from the address columns in the
 * personalisation), and the personalisation is every named column, first of each name, as Notify keeps it.
 */
final class JobRows {

    private final List<String> headers;
    private final int recipientColumn;

    JobRows(TemplateType type, List<String> headers) {
        this.headers = headers;
        String recipient = switch (type) {
            case SMS -> RecipientCsvChecker.PHONE_NUMBER;
            case EMAIL -> RecipientCsvChecker.EMAIL_ADDRESS;
            case LETTER -> null;
        };
        int column = -1;
        for (int i = 0; recipient != null && i < headers.size() && column < 0; i++) {
            if (RecipientCsvChecker.key(headers.get(i)).equals(RecipientCsvChecker.key(recipient))) {
                column = i;
            }
        }
        if (recipient != null && column < 0) {
            throw new IllegalStateException("The job's file has no ‘" + recipient + "’ column");
        }
        this.recipientColumn = column;
    }

    String recipient(List<String> row) {
        return recipientColumn < 0 ? null : cell(row, recipientColumn);
    }

    Map<String, String> personalisation(List<String> row) {
        return personalisation(headers, row);
    }

    /** Every named column, first of each name: the renderer matches names itself and ignores the rest. */
    static Map<String, String> personalisation(List<String> headers, List<String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).isEmpty()) {
                values.putIfAbsent(headers.get(i), cell(row, i));
            }
        }
        return values;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }
}
