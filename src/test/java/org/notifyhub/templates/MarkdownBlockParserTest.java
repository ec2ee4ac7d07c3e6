package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.templates.MarkdownBlock.BlankLines;
import org.notifyhub.templates.MarkdownBlock.BulletList;
import org.notifyhub.templates.MarkdownBlock.Code;
import org.notifyhub.templates.MarkdownBlock.Heading;
import org.notifyhub.templates.MarkdownBlock.HorizontalRule;
import org.notifyhub.templates.MarkdownBlock.InsetText;
import org.notifyhub.templates.MarkdownBlock.Item;
import org.notifyhub.templates.MarkdownBlock.Paragraph;
import org.notifyhub.templates.MarkdownBlock.TextLines;

/** The grammar quirks templates rely on, as Notify's markdown parses them. */
class MarkdownBlockParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void blocks(String markdown, List<MarkdownBlock> expected) {
        assertThat(MarkdownBlockParser.parse(markdown).blocks()).isEqualTo(expected);
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("# One\n## Two\n### Three", List.of(
                        new Heading(1, "One"), new Heading(2, "Two"), new Heading(3, "Three"))),
                Arguments.of("Text\n===", List.of(new Heading(1, "Text"))),
                Arguments.of("Text\n---", List.of(new Heading(2, "Text"))),
                Arguments.of("Text\n\n---", List.of(new Paragraph("Text"), new HorizontalRule())),
                Arguments.of("- - -\n* * *\n_ _ _", List.of(new HorizontalRule(), new HorizontalRule(),
                        new HorizontalRule())),
                Arguments.of("*one\n*two", List.of(bullets(false, tight("one"), tight("two")))),
                Arguments.of("•one", List.of(bullets(false, tight("one")))),
                Arguments.of("1.5 million", List.of(bullets(true, tight("5 million")))),
                Arguments.of("+ one\n+ two", List.of(new Paragraph("+ one"), new Paragraph("+ two"))),
                Arguments.of("Intro\n* one", List.of(new Paragraph("Intro"), bullets(false, tight(" one")))),
                Arguments.of("Intro\n• one", List.of(new Paragraph("Intro\n• one"))),
                Arguments.of("* one\n\n* two", List.of(bullets(false,
                        new Item(true, List.of(new TextLines(" one"))), new Item(true, List.of(new TextLines(" two")))))),
                Arguments.of("* one\n\n\n* two", List.of(bullets(false, tight(" one")), bullets(false, tight(" two")))),
                Arguments.of("^ inset\nstill inset\n\nnot", List.of(
                        new InsetText(List.of(new Paragraph("inset\nstill inset"))), new Paragraph("not"))),
                Arguments.of("> not inset", List.of(new Paragraph("> not inset"))),
                Arguments.of("    code\n\ntext", List.of(new Code("code\n\n"), new Paragraph("text"))),
                Arguments.of("\n\n\nafter blank lines", List.of(new BlankLines(), new Paragraph("after blank lines"))),
                Arguments.of("a | b\n--|--\n1 | 2\n\nafter", List.of(new Paragraph("after"))),
                Arguments.of("[home]: http://example.com\n\ntext", List.of(new Paragraph("text"))));
    }

    private static BulletList bullets(boolean ordered, Item... items) {
        return new BulletList(ordered, List.of(items));
    }

    private static Item tight(String text) {
        return new Item(false, List.of(new TextLines(text)));
    }
}
