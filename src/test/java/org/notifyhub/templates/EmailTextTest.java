package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The API answers with {@link EmailRenderer#text}: it must read exactly as the full render's subject and body. */
class EmailTextTest {

    record Case(String subject, String content, Map<String, ?> personalisation) {
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("Hello ((name))", "Dear ((name)),\n\nYour ((thing)) is ready.", Map.of("name", "Ada")),
                new Case("  It's   \"quoted\" -- ((ref)) ", "  ^ Inset\n\n* one\n* two\n\n---\n\nSee https://www.gov.uk/x  ",
                        Map.of("ref", "<b>&amp;</b>")),
                new Case("((a??yes))", "((list))\n\nhttps://gov.uk", Map.of("a", true, "list", List.of("x", "y"))),
                new Case("Subject", "", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theTextIsTheFullRendersSubjectAndBody(Case c) {
        RenderedEmail full = EmailRenderer.render(c.subject(), c.content(), c.personalisation());
        EmailText text = EmailRenderer.text(c.subject(), c.content(), c.personalisation());

        assertThat(text.subject()).isEqualTo(full.subject());
        assertThat(text.body()).isEqualTo(full.body());
        assertThat(text.bodyByteLength()).isEqualTo(full.bodyByteLength());
        assertThat(text.isTooLong()).isEqualTo(full.isTooLong());
    }
}
