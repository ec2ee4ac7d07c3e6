package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlaceholdersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "no placeholders here                                        | \"\"",
        "((colour))                                                  | colour",
        "the quick (((colour))) fox                                  | colour",
        "((name)) ((Name)) ((date_of_birth)) ((DateOfBirth))         | name,date_of_birth",
        "((first name)) ((First_Name)) ((first-name)) ((FIRSTNAME))  | first name",
        "((warning?))                                                | warning?",
        "((warning??This is a conditional warning))                  | warning",
        "((warning??foo??bar))                                       | warning",
        "((a)) ((b)) ((A))                                           | a,b",
        "((unclosed and ((closed))                                   | closed",
        "(()) and ((  ))                                             | \"  \"",
    })
    void namesAreDistinctAndKeepFirstSpelling(String field, String expected) {
        assertThat(Placeholders.names(field)).isEqualTo(split(expected));
    }

    @ParameterizedTest
    @MethodSource
    void namesAcrossFieldsInOrderOfFirstAppearance(String[] fields, List<String> expected) {
        assertThat(Placeholders.names(fields)).isEqualTo(expected);
    }

    static Stream<Arguments> namesAcrossFieldsInOrderOfFirstAppearance() {
        return Stream.of(
                Arguments.of(new String[] {"((subject))", "Dear ((name)), ((Subject))"}, List.of("subject", "name")),
                Arguments.of(new String[] {"Dear ((Name))", "((NAME)) ((ref))"}, List.of("Name", "ref")),
                Arguments.of(new String[] {null, "((a))", null}, List.of("a")),
                Arguments.of(new String[] {}, List.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "First_Name, firstname",
        "first name, firstname",
        "First-Name, firstname",
        "FIRSTNAME, firstname",
        "'  date of_birth-', dateofbirth",
        "ref.no, ref.no",
    })
    void normaliseIgnoresCaseSpacesUnderscoresAndHyphens(String name, String expected) {
        assertThat(Placeholders.normalise(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource
    void missingPlaceholders(Map<String, ?> personalisation, List<String> fields, List<String> expected) {
        assertThat(Placeholders.missing(personalisation, fields.toArray(String[]::new))).isEqualTo(expected);
    }

    static Stream<Arguments> missingPlaceholders() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("name", null);
        nullValue.put("ref", "123");
        return Stream.of(
                Arguments.of(Map.of(), List.of("Dear ((name)), ref ((ref))"), List.of("name", "ref")),
                Arguments.of(null, List.of("((a)) ((b))"), List.of("a", "b")),
                Arguments.of(nullValue, List.of("Dear ((name)), ref ((ref))"), List.of("name")),
                Arguments.of(Map.of("name", ""), List.of("Dear ((name))"), List.of()),
                Arguments.of(Map.of("FIRST_NAME", "Jo"), List.of("Dear ((first name))"), List.of()),
                Arguments.of(Map.of("extra", "ignored"), List.of("no placeholders"), List.of()),
                Arguments.of(Map.of("warning", "no"), List.of("((warning??Take care))"), List.of()),
                Arguments.of(Map.of(), List.of("((warning??Take care))"), List.of("warning")),
                Arguments.of(Map.of("b", "x"), List.of("((c)) ((a))", "((b)) ((A))"), List.of("c", "a")));
    }

    private static List<String> split(String expected) {
        return expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
    }
}
