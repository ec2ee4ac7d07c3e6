package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Callers pass template fields straight from the database, where subject and contact block may be null. */
class NullFieldsTest {

    @Test
    void emailWithNullFieldsRendersEmpty() {
        RenderedEmail email = EmailRenderer.render(null, null, null);

        assertThat(email.subject()).isEmpty();
        assertThat(email.htmlBody()).isEmpty();
        assertThat(email.plainTextBody()).isEqualTo("\n");
        assertThat(email.body()).isEmpty();
        assertThat(email.isEmpty()).isTrue();
    }

    @Test
    void smsWithNullContentRendersEmpty() {
        RenderedSms sms = SmsRenderer.render(null, null, null);

        assertThat(sms.body()).isEmpty();
        assertThat(sms.fragmentCount()).isEqualTo(1);
        assertThat(sms.isEmpty()).isTrue();
    }

    @Test
    void letterWithNullFieldsRendersEmpty() {
        RenderedLetter letter = LetterRenderer.render(null, null, null, null);

        assertThat(letter.subject()).isEmpty();
        assertThat(letter.body()).isEmpty();
        assertThat(letter.contactBlock()).isEmpty();
    }
}
