package org.notifyhub.recipients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PostalAddressesTest {

    private static final String EXAMPLE = "123 Example Street\nCity of Town\nSW1A 1AA";

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> personalisations() {
        return Stream.of(
                arguments("lines 1-3 and postcode, blanks skipped, extras ignored", map(
                        "address_line_1", "123 Example Street", "address_line_3", "City of Town",
                        "address_line_4", "", "postcode", "SW1A1AA", "ignore me", "ignore me")),
                arguments("postcode given as a line", map(
                        "address_line_1", "123 Example Street", "address_line_3", "City of Town",
                        "address_line_4", "SW1A1AA")),
                arguments("address_line_7 instead of postcode", map(
                        "address_line_2", "123 Example Street", "address_line_5", "City of Town",
                        "address_line_7", "SW1A1AA")),
                arguments("postcode ignored when address_line_7 is present", map(
                        "address_line_1", "123 Example Street", "address_line_3", "City of Town",
                        "address_line_7", "SW1A1AA", "postcode", "ignored if address line 7 provided")),
                arguments("null values", map(
                        "address_line_1", "123 Example Street", "address_line_2", null,
                        "address_line_3", "City of Town", "postcode", "sw1a 1aa")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalisations")
    void readsTheAddressFromPersonalisation(String why, Map<String, Object> personalisation) {
        PostalAddress address = PostalAddresses.fromPersonalisation(personalisation);

        assertThat(address.to()).isEqualTo(EXAMPLE);
        assertThat(address.postcode()).isEqualTo("SW1A 1AA");
        assertThat(address.international()).isFalse();
        assertThat(address.postage()).isNull();
    }

    @Test
    void personalisationKeysAreSnakeCaseOnly() {
        PostalAddress address = PostalAddresses.fromPersonalisation(map(
                "address line 1", "123 Example Street", "Address_Line_2", "City of Town", "postcode", "SW1A 1AA"));

        assertThat(address.lines()).containsExactly("SW1A 1AA");
    }

    @Test
    void personalisationValuesNeedNotBeStrings() {
        PostalAddress address = PostalAddresses.fromPersonalisation(map(
                "address_line_1", 123, "address_line_2", "Example Street",
                "address_line_3", "City of Town", "address_line_4", "SW1A1AA"));

        assertThat(address.lines()).containsExactly("123", "Example Street", "City of Town", "SW1A 1AA");
    }

    static Stream<Arguments> csvRows() {
        return Stream.of(
                arguments(Map.of("address line 1", "123 Example Street", "address line 2", "City of Town",
                        "postcode", "SW1A 1AA")),
                arguments(Map.of("Address_Line-1", "123 Example Street", "ADDRESS_LINE_2", "City of Town",
                        "Post Code", "sw1a1aa")),
                arguments(Map.of("addressline1", "123 Example Street", "Address Line 2", "City of Town",
                        "Address-Line-7", "Sw1a  1aa", "postcode", "ignored")),
                arguments(Map.of("address line 1", "123 Example Street", "address line 2", "City of Town",
                        "POSTCODE", "SW1A1AA", "name", "Ignored column")));
    }

    @ParameterizedTest
    @MethodSource("csvRows")
    void readsTheAddressFromCsvColumnsWhateverTheirSpelling(Map<String, String> row) {
        assertThat(PostalAddresses.fromCsvRow(row).to()).isEqualTo(EXAMPLE);
    }

    @Test
    void anEmptyAddressLine7ColumnStillReplacesThePostcode() {
        Map<String, String> row = new HashMap<>();
        row.put("address line 1", "1 Street");
        row.put("address line 2", "Town");
        row.put("address line 7", null);
        row.put("postcode", "SW1A 1AA");

        assertThat(PostalAddresses.fromCsvRow(row).postcode()).isNull();
    }

    static Stream<Arguments> rawAddresses() {
        return Stream.of(
                arguments("whitespace collapsed, space before full stop removed",
                        "\n   123 Example    St  .\n  City    of Town\n\n  S W1 A 1 AA\n",
                        List.of("123 Example St.", "City of Town", "SW1A 1AA")),
                arguments("trailing commas and comma-only lines dropped",
                        "123 Example St. \t  ,    \n, , ,  ,   ,     ,        ,\nCity of Town, Region,\nSW1A 1AA,,\n",
                        List.of("123 Example St.", "City of Town, Region", "SW1A 1AA")),
                arguments("space before a comma removed",
                        "Flat 1 , 2 High Street\nTown\nSW1A1AA",
                        List.of("Flat 1, 2 High Street", "Town", "SW1A 1AA")),
                arguments("obscure whitespace",
                        "\u200B1\u00A0High\tStreet\r\nTown\rSW1A\u00A01AA",
                        List.of("1 High Street", "Town", "SW1A 1AA")),
                arguments("blank lines between lines",
                        "Line 1\n\n\nLine 2\n   \nLine 3",
                        List.of("Line 1", "Line 2", "Line 3")),
                arguments("empty", "", List.of()),
                arguments("whitespace only", " \n\t\n ", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawAddresses")
    void normalisesLines(String why, String raw, List<String> lines) {
        assertThat(PostalAddresses.parse(raw).lines()).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"United Kingdom", "UK", "u.k.", "Great Britain", "England", "Scotland", "Wales",
            "Northern Ireland", "N. Ireland", "Jersey", "Guernsey", "Isle of Man", "the united kingdom"})
    void dropsATrailingLineNamingTheUk(String country) {
        PostalAddress address = PostalAddresses.parse("1 High Street\nTown\nsw1a1aa\n" + country);

        assertThat(address).isEqualTo(new PostalAddress(List.of("1 High Street", "Town", "SW1A 1AA"), "SW1A 1AA", false, null));
        assertThatCode(() -> PostalAddresses.validate(address, false)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            France                   | France         | europe
            FRANCE                   | France         | europe
            Deutschland              | Germany        | europe
            the netherlands          | Netherlands    | europe
            Republic of Ireland      | Ireland        | europe
            Canary Islands           | Canary Islands | europe
            USA                      | United States  | rest-of-world
            Côte d'Ivoire            | Ivory Coast    | rest-of-world
            Guinea-Bissau            | Guinea-Bissau  | rest-of-world
            new zealand              | New Zealand    | rest-of-world
            """)
    void readsACountryOnTheLastLineAsInternationalPostage(String country, String canonical, String postage) {
        PostalAddress address = PostalAddresses.parse("1 Rue Example\n75001 Paris\n" + country);

        assertThat(address).isEqualTo(new PostalAddress(List.of("1 Rue Example", "75001 Paris", canonical), null, true, postage));
        assertThatCode(() -> PostalAddresses.validate(address, true)).doesNotThrowAnyException();
    }

    @Test
    void aPostcodeBeforeACountryIsJustAnotherLine() {
        PostalAddress address = PostalAddresses.parse("123 Example Straße\nSW1A 1AA\nDeutschland");

        assertThat(address.postcode()).isNull();
        assertThat(address.lines()).containsExactly("123 Example Straße", "SW1A 1AA", "Germany");
    }

    @Test
    void aLineNamingOnlyTheUkLeavesNoAddress() {
        PostalAddress address = PostalAddresses.parse("United Kingdom");

        assertThat(address.lines()).isEmpty();
        assertThat(address.postcode()).isNull();
    }

    static Stream<Arguments> invalidAddresses() {
        return Stream.of(
                arguments("", false, "Address must be at least 3 lines"),
                arguments("1 High Street\nSW1A 1AA", false, "Address must be at least 3 lines"),
                arguments("1 High Street\nTown\nUnited Kingdom", false, "Address must be at least 3 lines"),
                arguments("1 High Street\n\n\nTown", true, "Address must be at least 3 lines"),
                arguments("@1 High Street\nFrance", true, "Address must be at least 3 lines"),
                arguments("1\n2\n3\n4\n5\n6\n7\nSW1A 1AA", false, "Address must be no more than 7 lines"),
                arguments("1\n2\n3\n4\n5\n6\n7\n8", true, "Address must be no more than 7 lines"),
                arguments("1\n2\n3\n4\n5\n6\n7\nFrance", true, "Address must be no more than 7 lines"),
                arguments("1 High Street\nTown\nNot a postcode", false, "Must be a real UK postcode"),
                arguments("1 High Street\nTown\nSW1A", false, "Must be a real UK postcode"),
                arguments("1 Rue Example\nParis\nFrance", false, "Must be a real UK postcode"),
                arguments("1 Street\nTown\nSW1 1AA\nFrance", false, "Must be a real UK postcode"),
                arguments("1 High Street\nTown\nNot a postcode", true,
                        "Last line of address must be a real UK postcode or another country"),
                arguments("1 High Street\nTown\nNarnia", true,
                        "Last line of address must be a real UK postcode or another country"),
                arguments("1 High Street\nTown\nSW1A 1AA\nEngland\nUnited Kingdom", true,
                        "Last line of address must be a real UK postcode or another country"));
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("invalidAddresses")
    void refusesInvalidAddressesInNotifysOrder(String raw, boolean allowInternational, String message) {
        PostalAddress address = PostalAddresses.parse(raw);

        assertThatThrownBy(() -> PostalAddresses.validate(address, allowInternational))
                .isInstanceOfSatisfying(InvalidRecipientException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.recipientType()).isEqualTo(InvalidRecipientException.RecipientType.POSTAL_ADDRESS);
                });
    }

    @ParameterizedTest(name = "line starting with {0}")
    @ValueSource(strings = {"@", "(", ")", "=", "[", "]", "\"", "\\", "/", ",", "<", ">", "~"})
    void refusesLinesStartingWithCharactersPrintersMisread(String character) {
        PostalAddress address = PostalAddresses.parse("1 High Street\n" + character + "Town\nSW1A 1AA");

        assertThatThrownBy(() -> PostalAddresses.validate(address, false))
                .isInstanceOf(InvalidRecipientException.class)
                .hasMessage("Address lines must not start with any of the following characters: @ ( ) = [ ] ” \\ / , < >");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first line                    | '=1 High Street\\nTown\\nSW1A 1AA'
            middle line of a foreign address | '1 Rue Example\\n>Paris\\nFrance'
            leading space does not hide it | '  <1 High Street\\nTown\\nSW1A 1AA'
            """)
    void checksEveryNormalisedLine(String why, String raw) {
        PostalAddress address = PostalAddresses.parse(raw.replace("\\n", "\n"));

        assertThatThrownBy(() -> PostalAddresses.validate(address, true))
                .isInstanceOf(InvalidRecipientException.class)
                .hasMessageStartingWith("Address lines must not start with");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1 High Street\nTown\nSW1A 1AA",
            "Flat 1\n1 High Street\nTown\nCounty\nSW1A 1AA\nUnited Kingdom",
            "1\n2\n3\n4\n5\n6\nSW1A 1AA",
            "HQ\nCamp\nBFPO 1234",
            "Girobank\nBootle\nGIR 0AA",
            "1 High Street (rear)\nTown-on-Sea\nSW1A 1AA",
            "1 High Street\n2 Town\n3 County\n4 Area\n5 More\n6 Lines\nSW1A 1AA\nScotland"})
    void acceptsValidUkAddressesWithOrWithoutInternationalPermission(String raw) {
        PostalAddress address = PostalAddresses.parse(raw);

        assertThatCode(() -> PostalAddresses.validate(address, false)).doesNotThrowAnyException();
        assertThatCode(() -> PostalAddresses.validate(address, true)).doesNotThrowAnyException();
    }

    @Test
    void givesTheNotificationsToAndNormalisedTo() {
        PostalAddress address = PostalAddresses.parse("  123 Example Street\nCity  of Town\nsw1a1aa");

        assertThat(address.to()).isEqualTo("123 Example Street\nCity of Town\nSW1A 1AA");
        assertThat(address.normalisedTo()).isEqualTo("123examplestreetcityoftownsw1a1aa");
    }

    @ParameterizedTest(name = "line {0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1 | 123 Example Street
            2 | City of Town
            3 | SW1A 1AA
            4 | null
            6 | null
            """)
    void numbersLinesFromOneForTheV2Response(int n, String expected) {
        assertThat(PostalAddresses.parse(EXAMPLE).line(n)).isEqualTo(expected);
    }

    @Test
    void lineNumbersStartAtOne() {
        assertThatThrownBy(() -> PostalAddresses.parse(EXAMPLE).line(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> inconsistentAddresses() {
        return Stream.of(
                arguments(List.of("a", "b", "France"), "SW1A 1AA", true, "europe"),
                arguments(List.of("a", "b", "France"), null, true, null),
                arguments(List.of("a", "b", "France"), null, true, "first"),
                arguments(List.of("a", "b", "SW1A 1AA"), "SW1A 1AA", false, "europe"));
    }

    @ParameterizedTest
    @MethodSource("inconsistentAddresses")
    void refusesInconsistentRecords(List<String> lines, String postcode, boolean international, String postage) {
        assertThatThrownBy(() -> new PostalAddress(lines, postcode, international, postage))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
