package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Personalisation comes from the public, so rendering must finish on absurd input. Java's regex engine, unlike
 * Python's, recurses per repetition; these run on a small stack so a recursion that grows with input shows up.
 */
class HostileInputTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rendersWithoutExhaustingTheStack(String description, String content, String expectedInPlainText) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(EmailRenderer.render("Subject", "((value))", Map.of("value", content)));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();

        assertThat(result.get()).isInstanceOf(RenderedEmail.class);
        assertThat(((RenderedEmail) result.get()).plainTextBody()).contains(expectedInPlainText);
    }

    static Stream<Arguments> rendersWithoutExhaustingTheStack() {
        return Stream.of(
                Arguments.of("links nested 2,000 deep", "[".repeat(2000) + "a" + "](x)".repeat(2000), "a"),
                Arguments.of("link text of 10,000 bracketed parts", "[" + "[a]".repeat(10_000) + "](http://x)",
                        ": http://x"),
                Arguments.of("a rule line of 20,000 markers", "-".repeat(20_000), "=-=-="),
                Arguments.of("a heading underline of 20,000 characters", "Title\n" + "=".repeat(20_000), "Title"),
                Arguments.of("bullets nested 5,000 deep", "* ".repeat(5000) + "x", "x"),
                Arguments.of("a footnote with 5,000 indented lines", "see [^1]\n\n[^1]: a\n" + " b\n".repeat(5000), "b"),
                Arguments.of("a tag with 10,000 attributes", "<div " + "a ".repeat(10_000) + ">x</div>", "x"),
                Arguments.of("100,000 characters of '<'", "<".repeat(100_000), "<<<"));
    }
}
