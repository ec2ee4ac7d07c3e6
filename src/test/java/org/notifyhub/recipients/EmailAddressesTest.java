package org.notifyhub.recipients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EmailAddressesTest {

    private static final String LABEL_63 = "a".repeat(63);

    static Stream<String> validAddresses() {
        return Stream.of(
                "email@domain.com",
                "email@domain.COM",
                "Email.Address@Domain.Com",
                "firstname.lastname@domain.com",
                "firstname.o'lastname@domain.com",
                "email@subdomain.domain.com",
                "firstname+lastname@domain.com",
                "1234567890@domain.com",
                "email@domain-one.com",
                "email@double--hyphen.com",
                "_______@domain.com",
                "!#$%&'*+/=?^_`{|}~-@domain.com",
                "email@domain.name",
                "email@domain.co.jp",
                "email@domain.superlongtld",
                "firstname-lastname@domain.com",
                "info@german-financial-services.vermögensberatung",
                "japanese-info@例え.テスト",
                "user@bücher.example",
                "user@xn--bcher-kva.example",
                "email@" + LABEL_63 + ".com",
                "email@domain." + "a".repeat(63),
                // 63 + 63 + 63 + 61 characters and 3 dots: a hostname of exactly 253
                "email@" + LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "a".repeat(61),
                // exactly 320 characters in all
                "a".repeat(320 - "@example.com".length()) + "@example.com");
    }

    @ParameterizedTest
    @MethodSource("validAddresses")
    void acceptsValidAddressesAndKeepsThemAsSent(String address) {
        assertThat(EmailAddresses.validate(address)).isEqualTo(address);
    }

    static Stream<Arguments> invalidAddresses() {
        return Stream.of(
                arguments("consecutive dots in local part", "two-dots..in-local@domain.com"),
                arguments("consecutive dots in domain", "lots-of-dots@domain..gov..uk"),
                arguments("no TLD", "no-tld@domain"),
                arguments("trailing dot", "email@domain.com."),
                arguments("one-letter TLD", "email@domain.c"),
                arguments("numeric TLD", "email@123.123.123.123"),
                arguments("IP literal", "email@[123.123.123.123]"),
                arguments("no @", "plainaddress"),
                arguments("no local part", "@no-local-part.com"),
                arguments("display name", "Outlook Contact <outlook-contact@domain.com>"),
                arguments("no @ at all", "no-at.domain.com"),
                arguments("leading semicolon", ";beginning-semicolon@domain.co.uk"),
                arguments("semicolon in domain", "middle-semicolon@domain.co;uk"),
                arguments("trailing semicolon", "trailing-semicolon@domain.com;"),
                arguments("leading quote", "\"email+leading-quotes@domain.com"),
                arguments("quote in local part", "email+middle\"-quotes@domain.com"),
                arguments("quoted local part", "\"quoted-local-part\"@domain.com"),
                arguments("two @", "multiple@domains@domain.com"),
                arguments("space in local part", "spaces in local@domain.com"),
                arguments("space in domain", "spaces-in-domain@dom ain.com"),
                arguments("underscore in domain", "underscores-in-domain@dom_ain.com"),
                arguments("pipe in domain", "pipe-in-domain@example.com|gov.uk"),
                arguments("comma in local part", "comma,in-local@gov.uk"),
                arguments("comma in domain", "comma-in-domain@domain,gov.uk"),
                arguments("pound sign", "pound-sign-in-local£@domain.com"),
                arguments("typographic apostrophe", "local-with-’-apostrophe@domain.com"),
                arguments("typographic quote", "local-with-”-quotes@domain.com"),
                arguments("domain starts with a dot", "domain-starts-with-a-dot@.domain.com"),
                arguments("brackets", "brackets(in)local@domain.com"),
                arguments("label starts with a hyphen", "email@-domain.com"),
                arguments("label ends with a hyphen", "email@domain-.com"),
                arguments("bad punycode label", "incorrect-punycode@xn---something.com"),
                arguments("label of 64 characters", "email@" + "a".repeat(64) + ".com"),
                arguments("TLD of 64 characters", "email@domain." + "a".repeat(64)),
                arguments("hostname of 254 characters",
                        "email@" + LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "a".repeat(62)),
                arguments("321 characters", "a".repeat(321 - "@example.com".length()) + "@example.com"),
                arguments("far too long", "email-too-long-" + "a".repeat(320) + "@example.com"),
                arguments("empty", ""),
                arguments("only whitespace", " \u200B "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void refusesInvalidAddresses(String why, String address) {
        assertThatThrownBy(() -> EmailAddresses.validate(address))
                .isInstanceOfSatisfying(InvalidRecipientException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Not a valid email address");
                    assertThat(e.recipientType()).isEqualTo(InvalidRecipientException.RecipientType.EMAIL_ADDRESS);
                });
    }

    static Stream<Arguments> addressesWithObscureWhitespace() {
        return Stream.of(
                arguments("  email@domain.com  ", "email@domain.com"),
                arguments("\temail@domain.com\r\n", "email@domain.com"),
                arguments("\u200Bemail@domain.com\uFEFF", "email@domain.com"),
                arguments("email@dom\u200Bain.com", "email@domain.com"),
                arguments("Email@Domain.COM\u00A0", "Email@Domain.COM"));
    }

    @ParameterizedTest
    @MethodSource("addressesWithObscureWhitespace")
    void stripsObscureWhitespaceButKeepsTheCallersCase(String raw, String expected) {
        assertThat(EmailAddresses.validate(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Email@Domain.COM                  | email@domain.com
            '  FIRST.Last@Example.gov.uk  '   | first.last@example.gov.uk
            already@lower.case                | already@lower.case
            """)
    void normalisesToLowerCaseWithoutWhitespace(String raw, String normalised) {
        assertThat(EmailAddresses.normalise(raw)).isEqualTo(normalised);
    }

    @Test
    void validateAndNormaliseChecksFirst() {
        assertThat(EmailAddresses.validateAndNormalise(" Someone@Example.COM ")).isEqualTo("someone@example.com");
        assertThatThrownBy(() -> EmailAddresses.validateAndNormalise("someone@example"))
                .isInstanceOf(InvalidRecipientException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            simulate-delivered@notifications.service.gov.uk     | true
            simulate-delivered-2@notifications.service.gov.uk   | true
            simulate-delivered-3@notifications.service.gov.uk   | true
            Simulate-Delivered@Notifications.Service.Gov.UK     | true
            simulate-delivered-4@notifications.service.gov.uk   | false
            simulate-delivered@notifications.service.gov.uk.com | false
            someone@example.com                                 | false
            """)
    void recognisesSimulatedAddresses(String address, boolean simulated) {
        assertThat(EmailAddresses.isSimulated(address)).isEqualTo(simulated);
    }

    @Test
    void aMissingAddressIsNotSimulated() {
        assertThat(EmailAddresses.isSimulated(null)).isFalse();
    }
}
