package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PrecompiledLetterValidatorTest {

    private static final List<String> UK = List.of("Mr B Smith", "2 Low Road", "Bristol", "bs1 4dj");

    @Test
    void aValidLetterPassesWithItsAddressNormalised() {
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(TestPdfs.letter(3, UK), false);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.pageCount()).isEqualTo(3);
        assertThat(outcome.address().lines()).containsExactly("Mr B Smith", "2 Low Road", "Bristol", "BS1 4DJ");
    }

    @Test
    void failuresCarryNotifysMessageCodes() {
        assertThat(fail("not a pdf".getBytes(StandardCharsets.US_ASCII), false))
                .isEqualTo("unable-to-read-the-file");
        assertThat(fail(TestPdfs.letter(11, UK), false)).isEqualTo("letter-too-long");
        assertThat(fail(TestPdfs.letter(1, List.of()), false)).isEqualTo("address-is-empty");
        assertThat(fail(TestPdfs.letter(1, List.of("Mr B Smith", "Bristol")), false)).isEqualTo("not-enough-address-lines");
        assertThat(fail(TestPdfs.letter(1, List.of("Mr B Smith", "2 Low Road", "Bristol", "NOT A POSTCODE")), false))
                .isEqualTo("not-a-real-uk-postcode");
        assertThat(fail(TestPdfs.letter(1, List.of("M Dupont", "1 Rue de Rivoli", "Paris", "France")), false))
                .isEqualTo("cant-send-international-letters");
        assertThat(fail(TestPdfs.letter(1, PDRectangle.LETTER, UK), false)).isEqualTo("letter-not-a4-portrait-oriented");
    }

    @Test
    void abroadNeedsThePermissionAndSetsPostage() {
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(
                TestPdfs.letter(1, List.of("M Dupont", "1 Rue de Rivoli", "Paris", "France")), true);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.address().postage()).isEqualTo("europe");
    }

    @Test
    void theFailureNamesThePagesAndCountsThem() {
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(
                TestPdfs.letter(2, PDRectangle.A5, UK), false);

        assertThat(outcome.invalidPages()).containsExactly(1, 2);
        assertThat(outcome.pageCount()).isEqualTo(2);
    }

    @Test
    void aPdfEncryptedWithOnlyAnOwnerPasswordCannotBeRead() {
        byte[] encrypted = TestPdfs.ownerPasswordOnly(TestPdfs.letter(1, UK));

        assertThat(fail(encrypted, false)).isEqualTo("unable-to-read-the-file");
    }

    @Test
    void aPdfWhoseStreamsInflateBeyondTheBoundCannotBeRead() {
        byte[] bomb = TestPdfs.withInflatingPage(TestPdfs.letter(1, UK), 300L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(fail(bomb, false)).isEqualTo("unable-to-read-the-file");
    }

    @Test
    void aPdfWhoseCatalogueIsInAnObjectStreamThatInflatesBeyondTheBoundIsRefusedBeforeItIsOpened() {
        assertThat(PrecompiledLetterValidator.validate(TestPdfs.catalogueInPaddedObjectStream(UK, 0), false).passed())
                .isTrue();
        byte[] bomb = TestPdfs.catalogueInPaddedObjectStream(UK, 300L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(fail(bomb, false)).isEqualTo("unable-to-read-the-file");
    }

    private static String fail(byte[] pdf, boolean international) {
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(pdf, international);
        assertThat(outcome.passed()).isFalse();
        return outcome.message();
    }
}
