package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sanitise_content_for: URLs out (or, for what may be a typo, broken up), then markdown characters escaped. */
class PersonalisationSanitiserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # a link with its text: the URL goes, the markdown around it is escaped
            "Jo, see [our offer](https://bad.example)"     | "Jo, see \\[our offer\\]\\(\\)"
            # a URL's path runs to the next space or <, so it takes a closing bracket with it
            "Jo, see [our offer](https://bad.example/win)" | "Jo, see \\[our offer\\]\\("
            # a word.word typo is not a link: a space after each dot keeps it from becoming one
            "Ada.Lovelace-King wrote it"                   | "Ada\\. Lovelace\\-King wrote it"
            "go to bad.example now"                        | "go to bad\\. example now"
            # anything more than letters, digits, dots and hyphens is a URL and goes
            "visit http://bad.example and www.bad.example/x?y=1 today" | "visit  and  today"
            "www.bad.example and https://bad.example"      | "www\\. bad\\. example and "
            # the first URL found is removed before the rest of the text is searched
            "a.bc/de and https://localhost/a.bc/defgh"     | " and https://localhost/"
            # upper case counts as a URL too
            "HTTPS://BAD.EXAMPLE/PATH"                      | ""
            # not a URL: an email address, a dot with a space after it
            "write to jo.bloggs@example.com"               | "write to jo\\.bloggs@example\\.com"
            "one. two"                                      | "one\\. two"
            # every markdown character, and backslashes already there
            "`*_(){}[]<>#+-.!|"                             | "\\`\\*\\_\\(\\)\\{\\}\\[\\]\\<\\>\\#\\+\\-\\.\\!\\|"
            "\\# heading"                                   | "\\\\\\# heading"
            "Flat 5\\3"                                     | "Flat 5\\\\3"
            # letters beyond ASCII are word characters in a URL, but make it more than a typo
            "[zażółć](gęś.com)"                             | "\\[zażółć\\]\\(\\)"
            "[zażółć](ges-x.com)"                           | "\\[zażółć\\]\\(ges\\-x\\. com\\)"
            "nothing to do here"                            | "nothing to do here"
            """)
    void sanitisesAValueAsNotifyDoes(String value, String expected) {
        assertThat(PersonalisationSanitiser.sanitise(value)).isEqualTo(expected);
    }

    @Test
    void multiLineValuesHaveEveryLineEscaped() {
        assertThat(PersonalisationSanitiser.sanitise("# one\n# two")).isEqualTo("\\# one\n\\# two");
    }

    @Test
    void onlyTheNamedValuesAreSanitisedMatchingNamesAsPlaceholdersMatch() {
        Map<String, Object> personalisation = new LinkedHashMap<>();
        personalisation.put("First_Name", "[x](https://bad.example)");
        personalisation.put("link", "https://good.example/ok");
        personalisation.put("Last name", "Smith");
        personalisation.put("count", 3);

        PersonalisationSanitiser.Result result = PersonalisationSanitiser.sanitise(personalisation,
                List.of("first name", "LAST-NAME", "count", "not a key"));

        assertThat(result.personalisation()).containsExactly(Map.entry("First_Name", "\\[x\\]\\(\\)"),
                Map.entry("link", "https://good.example/ok"), Map.entry("Last name", "Smith"), Map.entry("count", 3));
        assertThat(result.changes()).containsExactly(Map.entry("First_Name",
                new PersonalisationSanitiser.Change("\\[x\\]\\(\\)", "[x](https://bad.example)")));
    }

    @Test
    void nothingNamedChangesNothing() {
        Map<String, Object> personalisation = Map.of("name", "a.b");

        PersonalisationSanitiser.Result result = PersonalisationSanitiser.sanitise(personalisation, List.of());

        assertThat(result.personalisation()).isEqualTo(personalisation);
        assertThat(result.changes()).isEmpty();
    }
}
