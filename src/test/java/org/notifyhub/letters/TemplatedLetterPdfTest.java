package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.notifyhub.templates.LetterMarkdown;

class TemplatedLetterPdfTest {

    private static final List<String> ADDRESS = List.of("Ms A Jones", "1 High Street", "Leeds", "LS1 1AA");

    private static TemplatedLetterPdf.Rendered render(String body) {
        return TemplatedLetterPdf.render(new TemplatedLetterPdf.Content(ADDRESS, "Passport Office\nPO Box 1",
                LocalDate.of(2026, 11, 22), "Your passport", LetterMarkdown.blocks(body)));
    }

    @Test
    void theAddressIsInTheEnvelopeWindowAndTheRestOfPageOneAroundIt() throws IOException {
        TemplatedLetterPdf.Rendered rendered = render("# Next steps\n\nDear Ms Jones,\n\n* bring a photo\n* sign the form");

        assertThat(rendered.pageCount()).isEqualTo(1);
        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(LetterPage.A4.getWidth());
            assertThat(PrecompiledLetterValidator.addressWindowText(pdf.getPage(0)).strip().split("\\R"))
                    .containsExactlyElementsOf(ADDRESS);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Passport Office", "PO Box 1", "22 November 2026", "Your passport", "Next steps",
                    "Dear Ms Jones,", "bring a photo", "sign the form", "•", "Page 1 of 1");
            assertThat(text.indexOf("Your passport")).isLessThan(text.indexOf("Next steps"));
        }
    }

    @Test
    void ourOwnLettersPassThePrecompiledChecks() {
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(render("Hello").pdf(), false);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.address().lines()).containsExactlyElementsOf(ADDRESS);
    }

    @Test
    void aSevenLineAddressStillFitsTheWindow() throws IOException {
        List<String> seven = List.of("The Occupier", "Flat 2", "3 Long Road", "Little Village", "Big Town", "Shire",
                "SW1A 1AA");
        TemplatedLetterPdf.Rendered rendered = TemplatedLetterPdf.render(new TemplatedLetterPdf.Content(seven, "",
                LocalDate.of(2026, 1, 5), "Subject", LetterMarkdown.blocks("Body")));

        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            assertThat(PrecompiledLetterValidator.addressWindowText(pdf.getPage(0)).strip().split("\\R"))
                    .containsExactlyElementsOf(seven);
            assertThat(new PDFTextStripper().getText(pdf)).contains("5 January 2026");
        }
    }

    @Test
    void pageBreaksStartANewPageAndEveryPageIsNumbered() throws IOException {
        TemplatedLetterPdf.Rendered rendered = render("One\n\n***\n\nTwo\n\n***\n\nThree");

        assertThat(rendered.pageCount()).isEqualTo(3);
        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            assertThat(stripper.getText(pdf)).contains("Three", "Page 3 of 3").doesNotContain("Two");
        }
    }

    @Test
    void longTextWrapsOntoMorePages() {
        String paragraph = "This sentence is here to fill the letter with enough words to wrap. ".repeat(20);
        TemplatedLetterPdf.Rendered rendered = render((paragraph + "\n\n").repeat(40));

        assertThat(rendered.pageCount()).isGreaterThan(LetterPage.MAX_PAGES);
    }

    @Test
    void linesNeverRunPastTheMargin() throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> lines = TemplatedLetterPdf.wrap("short words then " + "x".repeat(300), font, 11, 200);

        assertThat(lines).hasSizeGreaterThan(2).first().isEqualTo("short words then");
        for (String line : lines) {
            assertThat(font.getStringWidth(line) / 1000 * 11).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void charactersTheFontCannotShowBecomeQuestionMarks() {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        assertThat(TemplatedLetterPdf.printable("£5 – ‘ok’ 日本 \uD83D\uDE00\ttab", font)).isEqualTo("£5 – ‘ok’ ?? ? tab");
        assertThat(render("Emoji \uD83D\uDE00 and 中文").pageCount()).isEqualTo(1);
    }

    @Test
    void sheetsAreHalfThePagesRoundedUp() {
        assertThat(List.of(LetterPage.sheets(1), LetterPage.sheets(2), LetterPage.sheets(3), LetterPage.sheets(10)))
                .containsExactly(1, 1, 2, 5);
    }
}
