package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EmailRendererTest {

    private static final String RULE_TEXT = "=-".repeat(32) + "=";

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void markdownConstructs(String markdown, String html, String plainText) {
        RenderedEmail email = EmailRenderer.render("Subject", markdown, Map.of());

        assertThat(email.htmlBody()).isEqualTo(html);
        assertThat(email.plainTextBody()).isEqualTo(plainText);
    }

    static Stream<Arguments> markdownConstructs() {
        return Stream.of(
                Arguments.of("# Heading", h2("Heading"), "Heading\n" + "=".repeat(65) + "\n"),
                Arguments.of("#Heading", h2("Heading"), "Heading\n" + "=".repeat(65) + "\n"),
                Arguments.of("## Sub heading", h3("Sub heading"), "Sub heading\n" + "-".repeat(65) + "\n"),
                Arguments.of("### Deeper", p("Deeper"), "Deeper\n"),
                Arguments.of("Title\n---\ntext", h3("Title") + p("text"),
                        "Title\n" + "-".repeat(65) + "\n\ntext\n"),
                Arguments.of("* one\n* two", ul(li("one") + li("two")), "• one\n• two\n"),
                Arguments.of("- one\n- two", ul(li("one") + li("two")), "• one\n• two\n"),
                Arguments.of("• one\n• two", ul(li("one") + li("two")), "• one\n• two\n"),
                Arguments.of("*one\n*two", ul(li("one") + li("two")), "• one\n• two\n"),
                Arguments.of("1. one\n2. two", ol(li("one") + li("two")), "1. one\n2. two\n"),
                Arguments.of("1.one\n7.two", ol(li("one") + li("two")), "1. one\n2. two\n"),
                Arguments.of("* one\n\n* two", ul(li(p(" one")) + li(p(" two"))), "• one\n• two\n"),
                Arguments.of("* one\n  * nested", ul(li("one" + ul(li("nested")))), "• one\n\n• nested\n"),
                Arguments.of("+ one\n+ two", p("+ one") + p("+ two"), "+ one\n\n+ two\n"),
                Arguments.of("^ inset text", inset(p("inset text")), "inset text\n"),
                Arguments.of("^ inset\ncontinues", inset(p("inset<br>continues")), "inset\ncontinues\n"),
                Arguments.of("a\n\n---\n\nb", p("a") + HR + p("b"), "a\n\n" + RULE_TEXT + "\n\nb\n"),
                Arguments.of("a\n\n***\n\nb", p("a") + HR + p("b"), "a\n\n" + RULE_TEXT + "\n\nb\n"),
                Arguments.of("a\n\n___\n\nb", p("a") + HR + p("b"), "a\n\n" + RULE_TEXT + "\n\nb\n"),
                Arguments.of("[Example](http://example.com)", p(a("http://example.com", "Example")),
                        "Example: http://example.com\n"),
                Arguments.of("Visit our [website](www.example.com/xyz).",
                        p("Visit our " + a("http://www.example.com/xyz", "website") + "."),
                        "Visit our website: www.example.com/xyz.\n"),
                Arguments.of("[Example](http://example.com \"An example\")",
                        p("<a style=\"" + LINK_STYLE + "\" href=\"http://example.com\" title=\"An example\">Example</a>"),
                        "Example (An example): http://example.com\n"),
                Arguments.of("Go to http://example.com now", p("Go to " + a("http://example.com", "http://example.com")
                        + " now"), "Go to http://example.com now\n"),
                Arguments.of("(see https://example.com/a)", p("(see " + a("https://example.com/a", "https://example.com/a")
                        + ")"), "(see https://example.com/a)\n"),
                Arguments.of("https://example.com\"onclick=\"alert('hi')",
                        p(a("https://example.com%22onclick=%22alert%28%27hi", "https://example.com\"onclick=\"alert('hi")
                                + "‘)"),
                        "https://example.com”onclick=”alert(‘hi’)\n"),
                Arguments.of("www.example.com", p("www.example.com"), "www.example.com\n"),
                Arguments.of("line one\nline two", p("line one<br>line two"), "line one\nline two\n"),
                Arguments.of("para one\n\n\n\npara two", p("para one") + p("para two"), "para one\n\npara two\n"),
                Arguments.of("![alt text](http://example.com/image.png)", "", "\n"),
                Arguments.of("col | col\n----|----\nval | val", "", "\n"),
                Arguments.of("```\nprint(\"hello\")\n```", "print(“hello”)", "print(“hello”)\n"),
                Arguments.of("a\\*b", p("a*b"), "a*b\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
        "something *important* => something *important*",
        "something **important** => something **important**",
        "something _important_ => something _important_",
        "something __important__ => something __important__",
        "~~strike~~ => ~~strike~~",
        "variable called `thing` => variable called `thing`",
        "foo ****** bar => foo ****** bar",
        "before_after*end => before_after*end",
    })
    void emphasisStrikethroughAndCodeStayLiteral(String markdown, String expected) {
        RenderedEmail email = EmailRenderer.render("Subject", markdown, Map.of());

        assertThat(email.htmlBody()).isEqualTo(p(expected));
        assertThat(email.plainTextBody()).isEqualTo(expected + "\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void personalisationIsEscapedInHtml(String content, Map<String, ?> values, String html, String plainText) {
        RenderedEmail email = EmailRenderer.render("Subject", content, values);

        assertThat(email.htmlBody()).isEqualTo(html);
        assertThat(email.plainTextBody()).isEqualTo(plainText);
    }

    static Stream<Arguments> personalisationIsEscapedInHtml() {
        return Stream.of(
                Arguments.of("Dear ((name))", Map.of("name", "<b>Jo</b> & co"),
                        p("Dear &lt;b&gt;Jo&lt;/b&gt; &amp; co"), "Dear <b>Jo</b> & co\n"),
                Arguments.of("Dear ((name))", Map.of("name", "<script>alert(1)</script>"),
                        p("Dear &lt;script&gt;alert(1)&lt;/script&gt;"), "Dear <script>alert(1)</script>\n"),
                Arguments.of("Fish &amp; chips, ((a))", Map.of("a", "&pound;5"), p("Fish &amp; chips, £5"),
                        "Fish & chips, £5\n"),
                Arguments.of("Bring:((items))", Map.of("items", List.of("a pen", "<ID>")),
                        p("Bring:") + ul(li("a pen") + li("&lt;ID&gt;")), "Bring:\n\n• a pen\n• <ID>\n"),
                Arguments.of("Hello((extra?? and welcome))", Map.of("extra", "yes"), p("Hello and welcome"),
                        "Hello and welcome\n"),
                Arguments.of("Hello((extra?? and welcome))", Map.of("extra", "no"), p("Hello"), "Hello\n"),
                Arguments.of("[Reset](((link)))", Map.of("link", "https://example.com/?a=1&b=\"2\""),
                        p(a("https://example.com/?a=1&amp;b=%222%22", "Reset")),
                        "Reset: https://example.com/?a=1&b=”2”\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
        "It's \"quoted\" and 'single' => It’s “quoted” and ‘single’",
        "the '90s => the ‘90s",
        "in the 1990's => in the 1990’s",
        "one - two -- three => one – two – three",
        "write to ‘jo@example.com’ today => write to 'jo@example.com' today",
        "Hello , world . => Hello, world.",
    })
    void typographyIsTidied(String content, String expected) {
        RenderedEmail email = EmailRenderer.render("Subject", content, Map.of());

        assertThat(email.htmlBody()).isEqualTo(p(expected));
        assertThat(email.plainTextBody()).isEqualTo(expected + "\n");
    }

    @Test
    void bareGovUkIsNotLinkedByMailClients() {
        RenderedEmail email = EmailRenderer.render("Subject", "Visit GOV.UK or https://www.gov.uk/", Map.of());

        assertThat(email.htmlBody()).isEqualTo(p("Visit GOV.\u200bUK or "
                + a("https://www.gov.uk/", "https://www.gov.uk/")));
        assertThat(email.plainTextBody()).isEqualTo("Visit GOV.\u200bUK or https://www.gov.uk/\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void subjects(String subject, Map<String, ?> values, String expected) {
        assertThat(EmailRenderer.render(subject, "body", values).subject()).isEqualTo(expected);
    }

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of("Hello ((name))", Map.of("name", "Jo"), "Hello Jo"),
                Arguments.of("  Lots   of\n space\u00a0here  ", Map.of(), "Lots of space here"),
                Arguments.of("# Not *markdown*", Map.of(), "# Not *markdown*"),
                Arguments.of("It's ((name))'s turn", Map.of("name", "Jo"), "It’s Jo’s turn"),
                Arguments.of("Fish & chips <hot>", Map.of(), "Fish & chips <hot>"),
                Arguments.of("Items: ((list))", Map.of("list", List.of("a", "b", "c")), "Items: a, b and c"),
                Arguments.of("Hi ((name))", Map.of(), "Hi ((name))"));
    }

    @ParameterizedTest(name = "{0}: {2} bytes")
    @CsvSource(delimiterString = " => ", value = {
        "hello => x => 5",
        "((v)) => é => 2",
        "((v)) => € => 3",
        "((v)) => 😀 => 4",
        "'  padded  ' => x => 6",
        "Hi ((v)) => Zoë => 7",
    })
    void bodyByteLengthIsUtf8OfTheFilledBody(String content, String value, int bytes) {
        RenderedEmail email = EmailRenderer.render("Subject", content, Map.of("v", value));

        assertThat(email.bodyByteLength()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} bytes: too long = {1}")
    @CsvSource({"2000000, false", "2000001, true"})
    void bodiesOverTwoMillionBytesAreTooLong(int bytes, boolean tooLong) {
        RenderedEmail email = new RenderedEmail("", "", "", "", "a".repeat(bytes));

        assertThat(email.isTooLong()).isEqualTo(tooLong);
    }

    @Test
    void bodyIsTheFilledMarkdown() {
        RenderedEmail email = EmailRenderer.render("Subject", "  # Hi ((name))\n\n((list))  ",
                Map.of("name", "Jo", "list", List.of("a", "b")));

        assertThat(email.body()).isEqualTo("# Hi Jo\n\n\n\n* a\n* b");
        assertThat(email.isEmpty()).isFalse();
    }

    @Test
    void emptyWhenOnlyAnEmptyPlaceholder() {
        assertThat(EmailRenderer.render("Subject", "((body))", Map.of("body", "")).isEmpty()).isTrue();
    }

    @Test
    void htmlIsACompleteDocumentAroundTheBody() {
        RenderedEmail email = EmailRenderer.render("Fish & chips", "# Menu\n\n* cod", Map.of());

        assertThat(email.html())
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .contains("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">")
                .contains("<title>Fish &amp; chips</title>")
                .contains(email.htmlBody())
                .endsWith("</body>\n</html>\n");
        for (String element : List.of("html", "head", "title", "body", "table", "tr", "td", "ul", "li", "h2")) {
            assertThat(count(email.html(), "<" + element + "[ >]"))
                    .as(element)
                    .isEqualTo(count(email.html(), "</" + element + ">"))
                    .isPositive();
        }
    }

    private static int count(String text, String regex) {
        return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
    }

    private static final String LINK_STYLE = "word-wrap: break-word; color: #1D70B8;";
    private static final String HR = "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">";

    private static String p(String text) {
        return "<p style=\"Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;\">" + text + "</p>";
    }

    private static String h2(String text) {
        return "<h2 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px; line-height: 35px;"
                + " font-weight: bold; color: #0B0C0C;\">" + text + "</h2>";
    }

    private static String h3(String text) {
        return "<h3 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px; line-height: 25px;"
                + " font-weight: bold; color: #0B0C0C;\">" + text + "</h3>";
    }

    private static String ul(String items) {
        return list("<ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">" + items + "</ul>");
    }

    private static String ol(String items) {
        return list("<ol style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;\">" + items + "</ol>");
    }

    private static String list(String list) {
        return "<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr>"
                + "<td style=\"font-family: Helvetica, Arial, sans-serif;\">" + list + "</td></tr></table>";
    }

    private static String li(String text) {
        return "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px;"
                + " color: #0B0C0C;\">" + text + "</li>";
    }

    private static String inset(String text) {
        return "<div style=\"Margin: 0 0 20px 0;\"><blockquote style=\"Margin: 0; border-left: 10px solid #B1B4B6;"
                + "padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">" + text + "</blockquote></div>";
    }

    private static String a(String href, String text) {
        return "<a style=\"" + LINK_STYLE + "\" href=\"" + href + "\">" + text + "</a>";
    }
}
