package org.notifyhub.letters.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipNamesTest {

    private static final String FIRST = "2020-06-15/NOTIFY.ABCDEFGHIJKLMNOP.D.2.C.20200615120000.PDF";
    private static final String SECOND = "2020-06-15/NOTIFY.QRSTUVWXYZ123456.D.2.C.20200615120100.PDF";
    private static final UUID SERVICE = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID ORGANISATION = UUID.fromString("99999999-8888-7777-6666-555555555555");

    @Test
    void hashIsTheFirstTwentyCharactersOfUrlSafeBase64Sha512OfTheConcatenatedKeys() {
        // Computed independently: urlsafe_b64encode(sha512("".join(keys).encode()).digest())[:20]
        assertThat(ZipNames.hash(List.of(FIRST, SECOND))).isEqualTo("14_SA31HwwJOpX1-rzDg");
    }

    @Test
    void hashDependsOnTheKeysAndTheirOrder() {
        assertThat(ZipNames.hash(List.of(SECOND, FIRST))).isNotEqualTo(ZipNames.hash(List.of(FIRST, SECOND)));
        assertThat(ZipNames.hash(List.of(FIRST))).isNotEqualTo(ZipNames.hash(List.of(FIRST, SECOND)));
    }

    @Test
    void zipNameCarriesDatePostageCounterHashServiceAndOrganisation() {
        List<LetterPdf> group = List.of(pdf(FIRST, ORGANISATION), pdf(SECOND, ORGANISATION));

        assertThat(ZipNames.zipName(LocalDate.of(2020, 6, 15), "second", 7, group)).isEqualTo(
                "NOTIFY.2020-06-15.2.007.14_SA31HwwJOpX1-rzDg.11111111-2222-3333-4444-555555555555"
                        + ".99999999-8888-7777-6666-555555555555.ZIP");
    }

    @Test
    void serviceWithoutOrganisationIsNamedNone() {
        assertThat(ZipNames.zipName(LocalDate.of(2020, 6, 15), "first", 1, List.of(pdf(FIRST, null))))
                .startsWith("NOTIFY.2020-06-15.1.001.")
                .endsWith("." + SERVICE + ".None.ZIP");
    }

    @ParameterizedTest
    @CsvSource({"first,1", "second,2", "europe,E", "rest-of-world,N", "economy,ECONOMY"})
    void postageCodes(String postage, String code) {
        assertThat(ZipNames.zipName(LocalDate.of(2020, 6, 15), postage, 12, List.of(pdf(FIRST, null))))
                .startsWith("NOTIFY.2020-06-15." + code + ".012.");
    }

    @Test
    void zipsSentRecordLivesUnderThePrintDate() {
        PrintRun run = new PrintRun(LocalDate.of(2020, 6, 15), null);
        assertThat(ZipNames.zipsSentKey(run, "NOTIFY.X.ZIP")).isEqualTo("2020-06-15/zips_sent/NOTIFY.X.ZIP.TXT");
    }

    @Test
    void entryNameIsThePdfNameWithoutItsFolder() {
        assertThat(pdf(FIRST, null).entryName()).isEqualTo("NOTIFY.ABCDEFGHIJKLMNOP.D.2.C.20200615120000.PDF");
    }

    private static LetterPdf pdf(String key, UUID organisation) {
        return new LetterPdf(UUID.randomUUID(), SERVICE, organisation, key, 100);
    }
}
