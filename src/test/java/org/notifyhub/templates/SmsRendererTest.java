package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SmsRendererTest {

    /** The 13 Welsh letters GSM already has: they never force Unicode. */
    private static final String WELSH_IN_GSM = "ÄÉÖÜàäèéìòöùü";

    @ParameterizedTest(name = "{0} GSM characters -> {1} fragments")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4", "612, 4", "613, 5", "918, 6",
        "919, 7"})
    void gsmFragments(int length, int fragments) {
        RenderedSms sms = SmsRenderer.render("a".repeat(length), Map.of(), null);

        assertThat(sms.unicode()).isFalse();
        assertThat(sms.characterCount()).isEqualTo(length);
        assertThat(sms.fragmentCount()).isEqualTo(fragments);
        assertThat(SmsRenderer.fragmentCount("a".repeat(length))).isEqualTo(fragments);
    }

    @ParameterizedTest(name = "{0} Unicode characters -> {1} fragments")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4", "268, 4", "269, 5"})
    void unicodeFragments(int length, int fragments) {
        String content = "ŵ" + "a".repeat(length - 1);
        RenderedSms sms = SmsRenderer.render(content, Map.of(), null);

        assertThat(sms.unicode()).isTrue();
        assertThat(sms.characterCount()).isEqualTo(length);
        assertThat(sms.fragmentCount()).isEqualTo(fragments);
        assertThat(SmsRenderer.fragmentCount(content)).isEqualTo(fragments);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
        // content                    => characters => fragments
        "^ x 80                       => 80         => 1",
        "^ x 81                       => 81         => 2",
        "a x 159, { x 1               => 160        => 2",
        "a x 158, € x 1               => 159        => 1",
        "a x 150, [ x 1, ] x 1        => 152        => 1",
        "a x 155, [ x 1, ] x 1, | x 1 => 158        => 2",
        "a x 300, ~ x 3               => 303        => 2",
        "a x 300, \\ x 4              => 304        => 3",
    })
    void extensionCharactersCountDoubleInGsm(String content, int characters, int fragments) {
        String text = build(content);
        RenderedSms sms = SmsRenderer.render(text, Map.of(), null);

        assertThat(sms.unicode()).isFalse();
        assertThat(sms.characterCount()).isEqualTo(characters);
        assertThat(sms.fragmentCount()).isEqualTo(fragments);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {"ŵ x 1, ^ x 69 => 1", "ŵ x 1, ^ x 70 => 2", "ŷ x 1, € x 134 => 3"})
    void extensionCharactersCountOnceInUnicode(String content, int fragments) {
        RenderedSms sms = SmsRenderer.render(build(content), Map.of(), null);

        assertThat(sms.unicode()).isTrue();
        assertThat(sms.fragmentCount()).isEqualTo(fragments);
    }

    @ParameterizedTest(name = "{0} switches the message to Unicode")
    @MethodSource("welshLettersOutsideGsm")
    void welshLettersOutsideGsmNeedUnicode(String letter) {
        RenderedSms sms = SmsRenderer.render("Croeso " + letter, Map.of(), null);

        assertThat(sms.unicode()).isTrue();
        assertThat(sms.body()).isEqualTo("Croeso " + letter);
    }

    static Stream<String> welshLettersOutsideGsm() {
        return SmsCharacters.WELSH_NON_GSM.codePoints().mapToObj(Character::toString);
    }

    @Test
    void thereAreFortyThreeWelshLettersOutsideGsm() {
        assertThat(welshLettersOutsideGsm().distinct()).hasSize(43);
    }

    @ParameterizedTest(name = "{0} stays GSM")
    @MethodSource
    void lettersInGsmStayGsm(String letter) {
        RenderedSms sms = SmsRenderer.render("Croeso " + letter, Map.of(), null);

        assertThat(sms.unicode()).isFalse();
        assertThat(sms.body()).isEqualTo("Croeso " + letter);
    }

    static Stream<String> lettersInGsmStayGsm() {
        return (WELSH_IN_GSM + "ÑñÇÅåØøÆæß").codePoints().mapToObj(Character::toString);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "en – dash          => en - dash",
        "em — dash          => em - dash",
        "non‑breaking       => non-breaking",
        "2 − 1              => 2 - 1",
        "wait…              => wait...",
        "‘single’ “double”  => \"'single' \"\"double\"\"\"",
        "‚low‘ „low“        => \"'low' \"\"low\"\"\"",
        "zero\u200bwidth\u200c\u200d\u2060\ufeff\u180e => zerowidth",
        "no\u00a0break\u202fspace => no break space",
        "tab\there          => tab here",
        "Łąka               => Laka",
        "ł                  => l",
        "ć ñ ő ş ţ          => c ñ o s t",
        "ǖ                  => ü",
        "\u212b             => Å",
        "😀                 => ?",
        "中文               => ??",
        "ﬁx                 => ?x",
        "ª                  => ?",
        "ŵ ŷ Ŵ Ŷ ẅ ó ë      => ŵ ŷ Ŵ Ŷ ẅ ó ë",
        "€ ^ { } [ ] ~ | \\ => € ^ { } [ ] ~ | \\",
    })
    void sanitiserKeepsGsmAndWelshAndDowngradesTheRest(String text, String expected) {
        assertThat(SmsRenderer.sanitise(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void whitespaceIsTidied(String content, String expected) {
        assertThat(SmsRenderer.render(content, Map.of("x", "y"), null).body()).isEqualTo(expected);
    }

    static Stream<Arguments> whitespaceIsTidied() {
        return Stream.of(
                Arguments.of("Hello    world", "Hello world"),
                Arguments.of("Hello , world .", "Hello, world."),
                Arguments.of("Hello\t, world\t.", "Hello, world."),
                Arguments.of("Really ? Yes !", "Really ? Yes !"),
                Arguments.of("a\n\n\n\nb", "a\n\nb"),
                Arguments.of("a\r\nb\rc", "a\nb\nc"),
                Arguments.of("  line one  \n   line two   ", "line one\nline two"),
                Arguments.of("a\n   \n \n\nb", "a\n\nb"),
                Arguments.of("\n\nHello\n\n", "Hello"),
                Arguments.of("zero\u200bwidth", "zerowidth"),
                Arguments.of("no\u00a0break", "no break"));
    }

    @ParameterizedTest(name = "prefix {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // content | prefix        | body                   | characters | without prefix
        "Hello     | GOV.UK Notify | GOV.UK Notify: Hello   | 20         | 5",
        "Hello     | Ţară          | Tara: Hello            | 11         | 5",
        "Hello     | NULL          | Hello                  | 5          | 5",
        "Hello     | ''            | Hello                  | 5          | 5",
        "  Hello   | Service       | Service: Hello         | 14         | 5",
        ", hello   | Service       | Service:, hello        | 15         | 6",
    })
    void servicePrefix(String content, String prefix, String body, int characters, int withoutPrefix) {
        RenderedSms sms = SmsRenderer.render(content, Map.of(), prefix);

        assertThat(sms.body()).isEqualTo(body);
        assertThat(sms.characterCount()).isEqualTo(characters);
        assertThat(sms.contentLengthWithoutPrefix()).isEqualTo(withoutPrefix);
    }

    @ParameterizedTest(name = "{0} characters with a prefix: too long = {1}")
    @CsvSource({"918, false", "919, true"})
    void tooLongIgnoresThePrefix(int length, boolean tooLong) {
        RenderedSms sms = SmsRenderer.render("a".repeat(length), Map.of(), "A long service name");

        assertThat(sms.contentLengthWithoutPrefix()).isEqualTo(length);
        assertThat(sms.characterCount()).isEqualTo(length + "A long service name: ".length());
        assertThat(sms.isTooLong()).isEqualTo(tooLong);
    }

    @Test
    void tooLongCountsPersonalisation() {
        RenderedSms sms = SmsRenderer.render("((code)) is your code", Map.of("code", "x".repeat(910)), null);

        assertThat(sms.contentLengthWithoutPrefix()).isEqualTo(923);
        assertThat(sms.isTooLong()).isTrue();
    }

    @ParameterizedTest(name = "{0} with prefix {1}: empty = {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "((name))     | NULL    | true",
        "((name))     | Service | true",
        "((name)) x   | Service | false",
    })
    void emptyMessages(String content, String prefix, boolean empty) {
        assertThat(SmsRenderer.render(content, Map.of("name", " "), prefix).isEmpty()).isEqualTo(empty);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void personalisation(String content, Map<String, ?> values, String expected) {
        assertThat(SmsRenderer.render(content, values, null).body()).isEqualTo(expected);
    }

    static Stream<Arguments> personalisation() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("name", null);
        withNull.put("other", "x");
        return Stream.of(
                Arguments.of("Hi ((name))", Map.of("NAME", "Jo"), "Hi Jo"),
                Arguments.of("Bring ((items)).", Map.of("items", List.of("a pen", "paper", "ID")),
                        "Bring a pen, paper and ID."),
                Arguments.of("Hi ((name))", Map.of("name", "Zoë – “Jo”"), "Hi Zoë - \"Jo\""),
                Arguments.of("Hi ((name))", Map.of("name", "<b>Jo</b>"), "Hi <b>Jo</b>"),
                Arguments.of("Hi ((name)) ((other))", withNull, "Hi ((name)) x"),
                Arguments.of("Code ((code))((urgent?? – urgent))", Map.of("code", "1", "urgent", "yes"),
                        "Code 1 - urgent"),
                // with no personalisation at all, placeholders count as empty, as when Notify measures a template
                Arguments.of("Hi ((name)) , see ((link))", Map.of(), "Hi , see "),
                Arguments.of("((a??shown))   text", Map.of(), "text"));
    }

    @Test
    void nullPersonalisationIsTreatedAsNone() {
        assertThat(SmsRenderer.render("Hi ((name))!", null, null).body()).isEqualTo("Hi !");
    }

    /** Rows like "a x 3, ^ x 2" build "aaa^^". */
    private static String build(String spec) {
        StringBuilder text = new StringBuilder();
        for (String part : spec.split(", ")) {
            int separator = part.lastIndexOf(" x ");
            text.append(part.substring(0, separator).repeat(Integer.parseInt(part.substring(separator + 3).trim())));
        }
        return text.toString();
    }
}
