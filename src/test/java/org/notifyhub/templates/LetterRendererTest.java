package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LetterRendererTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void subjects(String subject, Map<String, ?> values, String expected) {
        assertThat(LetterRenderer.render(subject, "body", null, values).subject()).isEqualTo(expected);
    }

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of("Your ((thing)) is ready", Map.of("THING", "passport"), "Your passport is ready"),
                Arguments.of("  Your   licence\nrenewal ", Map.of(), "Your licence renewal"),
                Arguments.of("Mr O'Brien's \"claim\" - update", Map.of(), "Mr O’Brien’s “claim” – update"),
                Arguments.of("Fish & chips", Map.of(), "Fish & chips"),
                Arguments.of("Reference ((ref))", Map.of(), "Reference ((ref))"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void bodies(String content, Map<String, ?> values, String expected) {
        assertThat(LetterRenderer.render("Subject", content, null, values).body()).isEqualTo(expected);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("Dear ((name)),\n\n# Your appointment\n\nIt is on ((date)).",
                        Map.of("name", "Ms Jones", "date", "1 May"),
                        "Dear Ms Jones,\n\n# Your appointment\n\nIt is on 1 May."),
                Arguments.of("Bring:((documents))", Map.of("documents", List.of("passport", "bill")),
                        "Bring:\n\n* passport\n* bill"),
                Arguments.of("\n\n  Padded  \n\n", Map.of(), "Padded"),
                Arguments.of("Pay ((amount))((late?? and a fine))", Map.of("amount", "£5", "late", "no"), "Pay £5"),
                Arguments.of("<b>((name))</b> & co", Map.of("name", "Jo"), "<b>Jo</b> & co"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void contactBlocks(String contactBlock, Map<String, ?> values, String expected) {
        assertThat(LetterRenderer.render("Subject", "body", contactBlock, values).contactBlock()).isEqualTo(expected);
    }

    static Stream<Arguments> contactBlocks() {
        return Stream.of(
                Arguments.of(null, Map.of(), ""),
                Arguments.of("", Map.of(), ""),
                Arguments.of("  Passport Office  \n  1 High Street  \n  London  ", Map.of(),
                        "Passport Office\n1 High Street\nLondon"),
                Arguments.of("Team ((team))\nRef: ((ref))", Map.of("team", "B", "ref", "123"), "Team B\nRef: 123"),
                Arguments.of("Street , Town .", Map.of(), "Street, Town."),
                Arguments.of("\n\nTel 0800\n\n", Map.of(), "Tel 0800"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void emptyLetters(String content, Map<String, ?> values, boolean empty) {
        assertThat(LetterRenderer.render("Subject", content, null, values).isEmpty()).isEqualTo(empty);
    }

    static Stream<Arguments> emptyLetters() {
        return Stream.of(
                Arguments.of("((body))", Map.of("body", ""), true),
                Arguments.of("((body))", Map.of("body", "text"), false),
                Arguments.of("Dear ((name))", Map.of("name", ""), false));
    }
}
