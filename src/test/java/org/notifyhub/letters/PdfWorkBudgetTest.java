package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** The bounds of checking a precompiled letter: bytes inflated, filter chains, time. */
class PdfWorkBudgetTest {

    private static final List<String> UK = List.of("Mr B Smith", "2 Low Road", "Bristol", "BS1 4DJ");
    private static final long MIB = 1024 * 1024;

    @Test
    void aLetterWithinTheBudgetPasses() {
        // counted once before PDFBox opens the file and once after: each count is held to the budget on its own
        byte[] letter = TestPdfs.withInflatingPage(TestPdfs.letter(1, UK), 2 * MIB);

        assertThat(validate(letter, new PrecompiledLetterLimits(3 * MIB, Duration.ofSeconds(30))).passed()).isTrue();
    }

    @Test
    void zlibDataAfterAStreamKeywordIsCountedBeforePdfboxOpensTheFile() throws Exception {
        // as an object or cross-reference stream that PDFBox would inflate whole, in memory, while opening the file
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("%PDF-1.7\n1 0 obj\n<</Type/ObjStm/Filter/FlateDecode>>\nstream\r\n".getBytes(StandardCharsets.US_ASCII));
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 2 * 16; i++) {
                zlib.write(chunk);
            }
        }
        PdfWorkBudget budget = PdfWorkBudget.of(new PrecompiledLetterLimits(MIB, Duration.ofSeconds(30)), System.nanoTime());

        assertThatThrownBy(() -> budget.inflateRaw(file.toByteArray())).isInstanceOf(PdfWorkBudget.ExceededException.class);
    }

    @Test
    void streamsCountTogetherAgainstTheBudget() {
        byte[] letter = TestPdfs.withInflatingPage(TestPdfs.letter(1, UK), 2 * MIB);

        PrecompiledLetterValidator.Outcome outcome = validate(letter, new PrecompiledLetterLimits(MIB, Duration.ofSeconds(30)));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.message()).isEqualTo("unable-to-read-the-file");
    }

    @Test
    void aStreamDeflatedTwiceIsCountedAtItsLastLayer() {
        // the raw bytes inflate once to a few hundred KB of deflated zeros; PDFBox's filter chain would make 300 MB
        byte[] bomb = TestPdfs.withInflatingPage(TestPdfs.letter(1, UK), 300 * MIB, 2);
        assertThat(bomb.length).isLessThan((int) MIB);

        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(bomb, false);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.message()).isEqualTo("unable-to-read-the-file");
    }

    @Test
    void aCheckPastItsTimeIsRefused() {
        PrecompiledLetterValidator.Outcome outcome = validate(TestPdfs.letter(1, UK),
                new PrecompiledLetterLimits(100 * MIB, Duration.ofNanos(1)));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.message()).isEqualTo("unable-to-read-the-file");
    }

    private static PrecompiledLetterValidator.Outcome validate(byte[] pdf, PrecompiledLetterLimits limits) {
        return PrecompiledLetterValidator.validate(pdf, false, limits);
    }
}
