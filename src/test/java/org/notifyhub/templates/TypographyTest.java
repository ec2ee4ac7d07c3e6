package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypographyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "'single' quotes => ‘single’ quotes",
        "\"double\" quotes => “double” quotes",
        "It's Jo's => It’s Jo’s",
        "'tis \"'nested' quotes\" => ‘tis “‘nested’ quotes”",
        "\"Hello,\" she said => “Hello,” she said",
        "(\"bracketed\") => (“bracketed”)",
        "a \\\"straight\\\" quote => a &#34;straight&#34; quote",
        "one - two => one – two",
        "one — two => one – two",
        "one -- two => one – two",
        "one---two => one---two",
        "well-known => well-known",
        "Hello , world . => Hello, world.",
        "Hello ; world ? => Hello ; world ?",
        "email ‘jo@example.com’ now => email 'jo@example.com' now",
        "<p>\"in html\"</p> => <p>“in html”</p>",
        "<a href=\"x\">\"in a link\"</a> \"after\" => <a href=\"x\">\"in a link\"</a> “after”",
        "<p style=\"a: 1\">it's</p> => <p style=\"a: 1\">it’s</p>",
    })
    void niceTypography(String text, String expected) {
        assertThat(Typography.nice(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
        "GOV.UK => GOV.\u200bUK",
        "Visit gov.uk => Visit gov.\u200buk",
        "#GOV.UK => #GOV.\u200bUK",
        "www.gov.uk => www.gov.uk",
        "GOV.UK/guidance => GOV.UK/guidance",
        "aGOV.UK => aGOV.UK",
    })
    void govUkIsUnlinked(String text, String expected) {
        assertThat(Typography.unlinkGovUk(text)).isEqualTo(expected);
    }
}
