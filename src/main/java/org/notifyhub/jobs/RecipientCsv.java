package org.notifyhub.jobs;

import org.notifyhub.templates.TemplateType;

import java.util.Objects;
import java.util.Set;

/**
 * What a recipient CSV is checked against: the job's template and the service's permissions.
 *
 * @param templateType               sms, email or letter: decides the recipient columns
 * @param subject                    the template's subject (email, letter), null for SMS
 * @param content                    the template's content, whose placeholders become required columns
 * @param allowInternationalSms      the service has the {@code international_sms} permission
 * @param allowInternationalLetters  the service has the {@code international_letters} permission
 * @param allowSmsToUkLandlines      the service has the {@code sms_to_uk_landlines} permission
 * @param guestList                  for a service in trial mode, the normalised recipients it may send to (its team
 *                                   and guest list); null when it may send to anyone
 */
public record RecipientCsv(TemplateType templateType, String subject, String content,
        boolean allowInternationalSms, boolean allowInternationalLetters, boolean allowSmsToUkLandlines,
        Set<String> guestList) {

    public RecipientCsv {
        Objects.requireNonNull(templateType, "templateType");
        Objects.requireNonNull(content, "content");
    }

    public static RecipientCsv sms(String content, boolean allowInternationalSms, boolean allowSmsToUkLandlines) {
        return new RecipientCsv(TemplateType.SMS, null, content, allowInternationalSms, false, allowSmsToUkLandlines,
                null);
    }

    public static RecipientCsv email(String subject, String content) {
        return new RecipientCsv(TemplateType.EMAIL, subject, content, false, false, false, null);
    }

    public static RecipientCsv letter(String subject, String content, boolean allowInternationalLetters) {
        return new RecipientCsv(TemplateType.LETTER, subject, content, false, allowInternationalLetters, false, null);
    }

    /** The same check for a service in trial mode: every recipient must be on this list (normalised). */
    public RecipientCsv restrictedTo(Set<String> normalisedRecipients) {
        return new RecipientCsv(templateType, subject, content, allowInternationalSms, allowInternationalLetters,
                allowSmsToUkLandlines, Set.copyOf(normalisedRecipients));
    }
}
