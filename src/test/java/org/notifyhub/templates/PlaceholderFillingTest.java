package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaceholderFillingTest {

    private static final UnaryOperator<String> AS_IS = text -> text;

    @ParameterizedTest
    @MethodSource
    void conditionalPlaceholders(Object value, String expected) {
        Map<String, Object> values = new HashMap<>();
        values.put("warning", value);
        values.put("other", "x");
        assertThat(fill("Hello((warning?? – take care)).", values)).isEqualTo(expected);
    }

    static Stream<Arguments> conditionalPlaceholders() {
        String shown = "Hello – take care.";
        String hidden = "Hello.";
        return Stream.of(
                Arguments.of("yes", shown), Arguments.of("Y", shown), Arguments.of("true", shown),
                Arguments.of("T", shown), Arguments.of("1", shown), Arguments.of("include", shown),
                Arguments.of("SHOW", shown), Arguments.of(true, shown), Arguments.of(1, shown),
                Arguments.of(List.of("yes"), shown),
                Arguments.of("no", hidden), Arguments.of("0", hidden), Arguments.of("false", hidden),
                Arguments.of("", hidden), Arguments.of("yes ", hidden), Arguments.of("anything", hidden),
                Arguments.of(1.0, hidden), Arguments.of(false, hidden), Arguments.of(0, hidden),
                Arguments.of(List.of(), hidden),
                Arguments.of(null, "Hello((warning?? – take care)).")); // missing: left for the caller to report
    }

    @ParameterizedTest
    @MethodSource
    void listValues(List<?> value, String asText, String asMarkdown) {
        Map<String, Object> values = Map.of("items", value);
        assertThat(fill("list: ((items))", values)).isEqualTo(asText);
        assertThat(Placeholders.fill("list: ((items))", Personalisation.of(values), AS_IS, true)).isEqualTo(asMarkdown);
    }

    static Stream<Arguments> listValues() {
        return Stream.of(
                Arguments.of(List.of(), "list: ", "list: "),
                Arguments.of(List.of("", " \t ", "\u180e"), "list: ", "list: "),
                Arguments.of(List.of("one"), "list: one", "list: \n\n* one"),
                Arguments.of(List.of("one", "two"), "list: one and two", "list: \n\n* one\n* two"),
                Arguments.of(List.of("one", "two", "three"), "list: one, two and three",
                        "list: \n\n* one\n* two\n* three"),
                Arguments.of(Arrays.asList("one", null, " two "), "list: one and two", "list: \n\n* one\n* two"),
                Arguments.of(List.of(1, true, 0.5), "list: 1, True and 0.5", "list: \n\n* 1\n* True\n* 0.5"),
                Arguments.of(List.of(List.of(1, 2), Map.of("k", "v")), "list: [1, 2] and {'k': 'v'}",
                        "list: \n\n* [1, 2]\n* {'k': 'v'}"));
    }

    @ParameterizedTest
    @MethodSource
    void valuesPrintAsNotifyPrintsThem(Object value, String expected) {
        assertThat(fill("((v))", Map.of("v", value))).isEqualTo(expected);
    }

    static Stream<Arguments> valuesPrintAsNotifyPrintsThem() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", "value");
        object.put("n", null);
        return Stream.of(
                Arguments.of("text", "text"),
                Arguments.of("   ", "   "),
                Arguments.of(true, "True"),
                Arguments.of(false, "False"),
                Arguments.of(0, "0"),
                Arguments.of(123L, "123"),
                Arguments.of(0.0, "0.0"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(1e20, "1e+20"),
                Arguments.of(0.00001, "1e-05"),
                Arguments.of(2.5, "2.5"),
                Arguments.of(object, "{'key': 'value', 'n': None}"),
                Arguments.of(Map.of("quote", "it's"), "{'quote': \"it's\"}"));
    }

    @ParameterizedTest
    @MethodSource
    void escapingAppliesToTemplateTextAndValues(String field, Map<String, ?> values, String expected) {
        assertThat(Placeholders.fill(field, Personalisation.of(values), HtmlEntities::escapeHtml, false))
                .isEqualTo(expected);
    }

    static Stream<Arguments> escapingAppliesToTemplateTextAndValues() {
        return Stream.of(
                Arguments.of("the quick ((colour)) fox", Map.of("colour", "<script>alert('foo')</script>"),
                        "the quick &lt;script&gt;alert('foo')&lt;/script&gt; fox"),
                Arguments.of("Fish & ((side))", Map.of("side", "chips & peas"), "Fish &amp; chips &amp; peas"),
                Arguments.of("((a)) &amp; ((b))", Map.of("a", "&amp;", "b", "&pound;5"), "&amp; &amp; £5"),
                Arguments.of("<b>((name))</b>", Map.of(), "&lt;b&gt;((name))&lt;/b&gt;"),
                Arguments.of("((show??<i>yes</i>))", Map.of("show", "yes"), "&lt;i&gt;yes&lt;/i&gt;"),
                Arguments.of("\"quotes\" stay", Map.of(), "\"quotes\" stay"));
    }

    @ParameterizedTest
    @MethodSource
    void namesMatchHoweverTheyAreWritten(String field, Map<String, ?> values, String expected) {
        assertThat(fill(field, values)).isEqualTo(expected);
    }

    static Stream<Arguments> namesMatchHoweverTheyAreWritten() {
        return Stream.of(
                Arguments.of("Dear ((First Name))", Map.of("first_name", "Jo"), "Dear Jo"),
                Arguments.of("Dear ((first-name))", Map.of("FIRSTNAME", "Jo"), "Dear Jo"),
                Arguments.of("((a)) ((b))", Map.of("a", "1", "extra", "ignored"), "1 ((b))"),
                Arguments.of("before ((p)) after", Map.of("p", ""), "before  after"));
    }

    private static String fill(String field, Map<String, ?> values) {
        return Placeholders.fill(field, Personalisation.of(values), AS_IS, false);
    }
}
