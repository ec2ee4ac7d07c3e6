package org.notifyhub.admin.letters;

import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.letters.collation.CollationSummary;
import org.notifyhub.letters.collation.CollationUnavailableException;
import org.notifyhub.letters.collation.LetterCollation;
import org.springframework.stereotype.Component;

/** POST /platform-admin/collate-letter-pdfs: tonight's collation run now, answered with what it sent. */
@Component
public class LetterCollationAdmin {

    private final LetterCollation collation;

    public LetterCollationAdmin(LetterCollation collation) {
        this.collation = collation;
    }

    public Data<CollationSummary> collate() {
        try {
            return new Data<>(collation.run());
        } catch (CollationUnavailableException e) {
            throw new AdminApiException(e.busy() ? 409 : 503, e.getMessage());
        }
    }
}
