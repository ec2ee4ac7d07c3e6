package org.notifyhub.recipients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PhoneNumbersTest {

    static Stream<String> ukMobileFormats() {
        return Stream.of(
                "07700 900123",
                "07700900123",
                "07700-900-123",
                "+44 7700 900123",
                "+447700900123",
                "+44 (0)7700 900 123",
                "(0)7700-900123",
                "447700900123",
                "7700900123",
                "0044 7700 900123",
                "00447700900123",
                " 07700 900123 ",
                "\u200B\t\t+44 (0)7700 \uFEFF 900 123 \r\n",
                "07700\u00A0900123");
    }

    @ParameterizedTest
    @MethodSource("ukMobileFormats")
    void acceptsUkMobileNumbersInEveryCommonFormat(String raw) {
        PhoneNumber number = PhoneNumbers.parse(raw);

        assertThat(number).isEqualTo(new PhoneNumber("447700900123", false, "44", false, false));
        assertThat(number.isUkMobile()).isTrue();
        assertThat(number.requiresInternationalPermission()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("ukMobileFormats")
    void readsTheSameNumbersWhenTheServiceCannotSendInternationally(String raw) {
        assertThat(PhoneNumbers.parseUk(raw).normalised()).isEqualTo("447700900123");
    }

    @ParameterizedTest(name = "{0} -> {1} (prefix {2})")
    @CsvSource(delimiter = '|', textBlock = """
            1-202-555-0104        | 12025550104     | 1     | USA
            +1 (202) 555-0104     | 12025550104     | 1
            +12025550104          | 12025550104     | 1
            0012025550104         | 12025550104     | 1     | 00 international access code
            +0012025550104        | 12025550104     | 1
            +33 1 23 45 67 89     | 33123456789     | 33    | France
            003312345678          | 3312345678      | 33
            +49 1512 3456789      | 4915123456789   | 49    | Germany
            71234567890           | 71234567890     | 7     | Russia: starts 7 but 11 digits
            +23051234567          | 23051234567     | 230   | Mauritius
            20-12-1234-1234       | 201212341234    | 20    | Egypt
            1664 000 0000         | 16640000000     | 1     | Montserrat shares +1
            +682 12345            | 68212345        | 682   | Cook Islands, 8 digits with prefix
            1-2345-12345-12345    | 123451234512345 | 1     | 15 digits, the most allowed
            """)
    void acceptsInternationalNumbers(String raw, String normalised, String prefix) {
        PhoneNumber number = PhoneNumbers.parse(raw);

        assertThat(number).isEqualTo(new PhoneNumber(normalised, true, prefix, false, false));
        assertThat(number.requiresInternationalPermission()).isTrue();
        assertThat(number.isUkMobile()).isFalse();
    }

    @ParameterizedTest(name = "{0} is a crown dependency number")
    @CsvSource(delimiter = '|', textBlock = """
            +44 7797 123456  | 447797123456   | Jersey
            07829 123456     | 447829123456   | Jersey
            07781 123456     | 447781123456   | Guernsey
            07911 123456     | 447911123456   | Guernsey
            07624 123456     | 447624123456   | Isle of Man
            07524 123456     | 447524123456   | Isle of Man
            07700 800123     | 447700800123   | 7700 outside the TV drama range
            """)
    void treatsCrownDependenciesAsInternationalButNeedingNoPermission(String raw, String normalised) {
        PhoneNumber number = PhoneNumbers.parse(raw);

        assertThat(number).isEqualTo(new PhoneNumber(normalised, true, "44", true, false));
        assertThat(number.requiresInternationalPermission()).isFalse();
        assertThat(number.isUkMobile()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700 900000", "07700 900999"})
    void keepsTheOfcomTvDramaRangeInTheUk(String raw) {
        PhoneNumber number = PhoneNumbers.parse(raw);

        assertThat(number.crownDependency()).isFalse();
        assertThat(number.international()).isFalse();
    }

    static Stream<Arguments> invalidNumbers() {
        return Stream.of(
                arguments("0712345678910", "Too many digits"),
                arguments("0044712345678910", "Too many digits"),
                arguments("+44 (0)7123 456 789 10", "Too many digits"),
                arguments("+12345 12345 12345 6", "Too many digits"),
                arguments("0712345678", "Not enough digits"),
                arguments("004471234567", "Not enough digits"),
                arguments("+44 (0)7123 456 78", "Not enough digits"),
                arguments("1234567", "Not enough digits"),
                arguments("+682 1234", "Not enough digits"),
                arguments("", "Not enough digits"),
                arguments("020 7946 09911", "Too many digits"),
                arguments("+44 1234 5678 9012 3456 7890", "Too many digits"),
                arguments("+44", NOT_VALID),
                arguments("0", NOT_VALID),
                arguments("01", "Not enough digits"),
                arguments("08081 570364", NOT_VALID),
                arguments("+44 8081 570364", NOT_VALID),
                arguments("07890x32109", "Must not contain letters or symbols"),
                arguments("07123 456789...", "Must not contain letters or symbols"),
                arguments("07123 ☟☜⬇⬆☞☝", "Must not contain letters or symbols"),
                arguments("07\";DROP TABLE;\"", "Must not contain letters or symbols"),
                arguments("+44 07ab cde fgh", "Must not contain letters or symbols"),
                arguments("ALPHANUM3R1C", "Must not contain letters or symbols"),
                arguments("+44 7700 900123 ext 1", "Must not contain letters or symbols"),
                arguments("800000000000", "Not a valid country prefix"),
                arguments("+21 4321 0987", "Not a valid country prefix"),
                arguments("00997 1234 7890", "Not a valid country prefix"),
                arguments("801234-7890", "Not a valid country prefix"),
                arguments("(8-0)-1234-7890", "Not a valid country prefix"),
                arguments("+882 1234 5678", "Not a valid country prefix"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidNumbers")
    void refusesInvalidNumbersWithNotifysMessage(String raw, String message) {
        assertThatThrownBy(() -> PhoneNumbers.parse(raw))
                .isInstanceOfSatisfying(InvalidRecipientException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.recipientType()).isEqualTo(InvalidRecipientException.RecipientType.PHONE_NUMBER);
                });
    }

    private static final String NOT_VALID = "Number is not valid – double check the phone number you entered";

    /**
     * Notify's checks today (notifications-utils {@code PhoneNumber}): landlines only with {@code sms_to_uk_landlines},
     * ranges that cannot take texts never, with the v2 API's texts. Columns: the number, the service's
     * {@code international_sms} and {@code sms_to_uk_landlines} permissions, then the normalised number or the error.
     */
    @ParameterizedTest(name = "{0} international={1} landlines={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0117 496 0860      | false | true  | 441174960860
            0117 496 0860      | true  | false | Not a UK mobile number
            +44 117 496 0860   | false | true  | 441174960860
            0044 117 496 0860  | false | false | Not a UK mobile number
            44 117 496 0860    | false | true  | 441174960860
            020 7946 0991      | false | true  | 442079460991
            020 7946 0991      | false | false | Not a UK mobile number
            016064 1234        | false | true  | 44160641234
            030 1234 5678      | false | true  | 443012345678
            030 1234 5678      | false | false | Not a UK mobile number
            0550 123 4567      | false | true  | 445501234567
            01534 123456       | false | true  | 441534123456
            0900 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0900 123 4567      | false | false | Number is not valid – double check the phone number you entered
            0845 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0870 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0845 46 46         | true  | true  | Number is not valid – double check the phone number you entered
            0800 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0560 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            07640 123456       | true  | true  | Number is not valid – double check the phone number you entered
            0400 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0600 123 4567      | true  | true  | Number is not valid – double check the phone number you entered
            0300 46 46         | true  | true  | Number is not valid – double check the phone number you entered
            07700 900123       | false | false | 447700900123
            07700 900123       | true  | true  | 447700900123
            07123 456789       | false | false | 447123456789
            07797 123456       | false | false | 447797123456
            07000 123456       | false | false | 447000123456
            +33 1 23 45 67 89  | true  | false | 33123456789
            +33 1 23 45 67 89  | false | true  | Not a UK mobile number
            +1 202 555 0104    | true  | true  | 12025550104
            +1 202 555 0104    | false | false | Not a UK mobile number
            """)
    void landlinesNeedThePermissionAndRangesThatCannotTakeTextsAreRefused(String raw, boolean internationalSms,
                                                                         boolean smsToUkLandlines, String expected) {
        if (Character.isDigit(expected.charAt(0))) {
            assertThat(PhoneNumbers.parse(raw).checkPermitted(internationalSms, smsToUkLandlines).normalised())
                    .isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> PhoneNumbers.parse(raw).checkPermitted(internationalSms, smsToUkLandlines))
                    .isInstanceOf(InvalidRecipientException.class).hasMessage(expected);
        }
    }

    @Test
    void aLandlineIsNormalisedAndShownAsNotifyDoes() {
        PhoneNumber landline = PhoneNumbers.parse("+44 (0)117 496 0860");

        assertThat(landline).isEqualTo(new PhoneNumber("441174960860", false, "44", false, true));
        assertThat(landline.isUkMobile()).isFalse();
        assertThat(landline.requiresInternationalPermission()).isFalse();
        assertThat(landline.humanReadable()).isEqualTo("0117 496 0860");
        assertThat(PhoneNumbers.parse("01534 123456")).as("Jersey: billed as international, as Notify does")
                .isEqualTo(new PhoneNumber("441534123456", true, "44", true, true));
        assertThat(PhoneNumbers.parseUk("020 7946 0991").landline()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            712345678910       | Too many digits          | could be Russia, but not for a UK-only service
            +33 1 23 45 67 89  | Not a UK mobile number
            1-202-555-0104     | Not a UK mobile number
            +12025550104       | Not a UK mobile number
            0712345678         | Not enough digits
            07890x32109        | Must not contain letters or symbols
            """)
    void readsEveryNumberAsUkWhenTheServiceCannotSendInternationally(String raw, String message) {
        assertThatThrownBy(() -> PhoneNumbers.parseUk(raw))
                .isInstanceOf(InvalidRecipientException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +447700900000     | true
            +447700900111     | true
            +447700900222     | true
            447700900000      | true
            07700 900111      | true
            +44 (0)7700900222 | true
            +447700900123     | false
            07700 900333      | false
            +12025550104      | false
            not a number      | false
            """)
    void recognisesSimulatedNumbersInAnyFormat(String number, boolean simulated) {
        assertThat(PhoneNumbers.isSimulated(number)).isEqualTo(simulated);
    }

    @ParameterizedTest
    @NullSource
    void aMissingNumberIsNotSimulated(String number) {
        assertThat(PhoneNumbers.isSimulated(number)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            447700900123  | 07700 900123
            447797123456  | +44 7797 123456
            12025550104   | +1 202-555-0104
            33123456789   | +33 1 23 45 67 89
            not a number  | not a number
            """)
    void formatsNumbersForPeople(String normalised, String formatted) {
        assertThat(PhoneNumbers.format(normalised)).isEqualTo(formatted);
    }

    @Test
    void humanReadableUsesTheSameFormat() {
        assertThat(PhoneNumbers.parse("+44 7700 900123").humanReadable()).isEqualTo("07700 900123");
    }
}
