package org.notifyhub.recipients;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Postcode rules, through the public {@link PostalAddresses} methods. */
class PostcodesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SW1A 1AA", "sw1a1aa", "SW1 3EF", "SW13EF", "SE1 63EF", "N5 1AA", "N51AA", "M1 1AE", "B33 8TH",
            "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SO14 6WB", "so14 6wb", " S W1 A 1 AA ",
            "BFPO1234", "BFPO 1234", "BFPO C/O 1234", "bfpo c/o 2", "BFPO1", "BFP 12", "GIR0AA", "GIR 0AA", "gir 0aa"})
    void acceptsRealUkPostcodes(String postcode) {
        assertThat(PostalAddresses.isValidPostcode(postcode)).isTrue();
    }

    static Stream<String> postcodesWithObscureWhitespace() {
        return Stream.of("so14\u00A06wb", "SW1A\t1AA", "SW1A\u200B1AA", "\nSW1A 1AA\r\n");
    }

    @ParameterizedTest
    @MethodSource("postcodesWithObscureWhitespace")
    void ignoresAnyWhitespaceInPostcodes(String postcode) {
        assertThat(PostalAddresses.isValidPostcode(postcode)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "N5", "SO144 6WB", "SO14 6WBA", "Bad postcode", "SW1A 1AAA", "SW1A 1CA", "SW1A 1AI", "1AA 1AA",
            "SW1A-1AA", "BFPO", "BFPO12345", "BFPO C/O", "GIR0AB", "France", "SW1A 1A"})
    void refusesOtherText(String postcode) {
        assertThat(PostalAddresses.isValidPostcode(postcode)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"N5", "France", "SW1A 1AAA", ""})
    void refusesToFormatWhatIsNotAPostcode(String postcode) {
        assertThatThrownBy(() -> PostalAddresses.formatPostcode(postcode))
                .isInstanceOf(InvalidRecipientException.class)
                .hasMessage("Must be a real UK postcode");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sw1a1aa        | SW1A 1AA
            SW1A 1AA       | SW1A 1AA
            SW13EF         | SW1 3EF
            N5     3EF     | N5 3EF
            n53Ef          | N5 3EF
            SO146WB        | SO14 6WB
            ' S W1 A 1 AA' | SW1A 1AA
            BFPO2          | BFPO 2
            BFPO232        | BFPO 232
            BFPO 2432      | BFPO 2432
            bfpo1234       | BFPO 1234
            BFPO C/O 2     | BFPO C/O 2
            BFPO c/o 232   | BFPO C/O 232
            bfpoc/o1234    | BFPO C/O 1234
            BFP 12         | BFPO 12
            BFPC/O 12      | BFPO C/O 12
            GIR0AA         | GIR 0AA
            gir 0aa        | GIR 0AA
            """)
    void formatsPostcodesForPrinting(String raw, String formatted) {
        assertThat(PostalAddresses.formatPostcode(raw)).isEqualTo(formatted);
    }

    static Stream<Arguments> formattingWithObscureWhitespace() {
        return Stream.of(arguments("n5 \u00A0 \t 3Ef", "N5 3EF"), arguments("\u200Bsw1a1aa\uFEFF", "SW1A 1AA"));
    }

    @ParameterizedTest
    @MethodSource("formattingWithObscureWhitespace")
    void formattingIgnoresObscureWhitespace(String raw, String formatted) {
        assertThat(PostalAddresses.formatPostcode(raw)).isEqualTo(formatted);
    }
}
