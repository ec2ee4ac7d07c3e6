package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.notifyhub.templates.LetterBlock.Heading;
import org.notifyhub.templates.LetterBlock.ListItem;
import org.notifyhub.templates.LetterBlock.PageBreak;
import org.notifyhub.templates.LetterBlock.Paragraph;

class LetterMarkdownTest {

    @Test
    void headingsParagraphsAndLists() {
        assertThat(LetterMarkdown.blocks("# Your appointment\n\nDear Jo,\nsee below.\n\n* one\n* two\n\nThen:\n\n1. first\n2. second"))
                .containsExactly(
                        new Heading("Your appointment"),
                        new Paragraph("Dear Jo,\nsee below.", 0),
                        new ListItem("•", "one", 0),
                        new ListItem("•", "two", 0),
                        new Paragraph("Then:", 0),
                        new ListItem("1.", "first", 0),
                        new ListItem("2.", "second", 0));
    }

    @Test
    void onlyTheFirstHeadingLevelIsAHeadingInALetter() {
        assertThat(LetterMarkdown.blocks("## Smaller")).containsExactly(new Paragraph("Smaller", 0));
    }

    @Test
    void aHorizontalRuleIsAPageBreak() {
        assertThat(LetterMarkdown.blocks("Page one\n\n***\n\nPage two"))
                .containsExactly(new Paragraph("Page one", 0), new PageBreak(), new Paragraph("Page two", 0));
        assertThat(LetterMarkdown.blocks("Page one\n\n---\n\nPage two")).contains(new PageBreak());
    }

    @Test
    void nestedListsKeepTheirDepth() {
        List<LetterBlock> blocks = LetterMarkdown.blocks("* outer\n    * inner\n* last");
        assertThat(blocks).containsExactly(
                new ListItem("•", "outer", 0),
                new ListItem("•", "inner", 1),
                new ListItem("•", "last", 0));
    }

    @Test
    void linksPrintTheirAddressAndTypographyIsApplied() {
        assertThat(LetterMarkdown.blocks("Visit [our site](https://example.com) - it's \"new\""))
                .containsExactly(new Paragraph("Visit our site: https://example.com – it’s “new”", 0));
    }

    @Test
    void controlCharactersUsedInternallyCannotBreakTheLayout() {
        assertThat(LetterMarkdown.blocks("a\u001eHb\u001fc")).containsExactly(new Paragraph("aHbc", 0));
    }

    @Test
    void anEmptyBodyHasNoBlocks() {
        assertThat(LetterMarkdown.blocks("")).isEmpty();
    }
}
