package org.notifyhub.jobs;

import org.notifyhub.templates.TemplateType;

import java.util.Objects;

/**
 * What a recipient CSV is checked against: the job's template and the service's permissions.
 *
 * @param templateType               sms, email or letter: decides the recipient columns
 * @param subject                    the template's subject (email, letter), null for SMS
 * @param content                    the template's content, whose placeholders become required columns
 * @param allowInternationalSms      the service has the {@code international_sms} permission
 * @param allowInternationalLetters  the service has the {@code international_letters} permission
 */
public record RecipientCsv(TemplateType templateType, String subject, String content,
        boolean allowInternationalSms, boolean allowInternationalLetters) {

    public RecipientCsv {
        Objects.requireNonNull(templateType, "templateType");
        Objects.requireNonNull(content, "content");
    }

    public static RecipientCsv sms(String content, boolean allowInternationalSms) {
        return new RecipientCsv(TemplateType.SMS, null, content, allowInternationalSms, false);
    }

    public static RecipientCsv email(String subject, String content) {
        return new RecipientCsv(TemplateType.EMAIL, subject, content, false, false);
    }

    public static RecipientCsv letter(String subject, String content, boolean allowInternationalLetters) {
        return new RecipientCsv(TemplateType.LETTER, subject, content, false, allowInternationalLetters);
    }
}
