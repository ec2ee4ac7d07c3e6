package org.notifyhub.admin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long an SMS template is when it is saved: placeholders empty, whitespace tidied. */
class SmsTemplateLengthTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hello ((name))|6",
            "  Hello   there  |11",
            "((a))((b))|0",
            "Line one\\n\\n\\n\\nLine two|18"})
    void countsAsNotifyDoes(String content, int length) {
        assertThat(SmsTemplateLength.of(content.replace("\\n", "\n"))).isEqualTo(length);
    }

    @ParameterizedTest
    @CsvSource({"918, false", "919, true"})
    void refusesOnlyWhatIsOverTheLimit(int characters, boolean tooLong) {
        assertThat(SmsTemplateLength.isTooLong("x".repeat(characters) + "((placeholder))")).isEqualTo(tooLong);
    }
}
