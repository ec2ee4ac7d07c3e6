package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of checking a precompiled letter: bytes inflated, filter chains, time. */
class PdfWorkBudgetTest {

    private static final List<String> UK = List.of("Mr B Smith", "2 Low Road", "Bristol", "BS1 4DJ");
    private static final long MIB = 1024 * 1024;

    @Test
    void aLetterWithinTheBudgetPasses() {
        byte[] letter = TestPdfs.withInflatingPage(TestPdfs.letter(1, UK), 2 * MIB);

        assertThat(validate(letter, new PrecompiledLetterLimits(100 * MIB, Duration.ofSeconds(30))).passed()).isTrue();
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
