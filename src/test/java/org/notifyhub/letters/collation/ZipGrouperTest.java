package org.notifyhub.letters.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ZipGrouperTest {

    private static final UUID SERVICE_A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");
    private static final UUID SERVICE_B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");
    private static final long NO_SIZE_LIMIT = Long.MAX_VALUE;

    private int counter;

    @Test
    void nothingMakesNoGroups() {
        assertThat(ZipGrouper.group(List.of(), 1000, 500)).isEmpty();
    }

    @Test
    void oneServicePerZip() {
        List<LetterPdf> pdfs = List.of(pdf(SERVICE_A, 10), pdf(SERVICE_A, 10), pdf(SERVICE_B, 10));

        List<List<LetterPdf>> groups = ZipGrouper.group(pdfs, NO_SIZE_LIMIT, 500);

        assertThat(groups).containsExactly(pdfs.subList(0, 2), pdfs.subList(2, 3));
    }

    @Test
    void atMostMaxFilesPerZip() {
        List<LetterPdf> pdfs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pdfs.add(pdf(SERVICE_A, 10));
        }

        List<List<LetterPdf>> groups = ZipGrouper.group(pdfs, NO_SIZE_LIMIT, 3);

        assertThat(groups).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(groups.stream().flatMap(List::stream)).containsExactlyElementsOf(pdfs);
    }

    @Test
    void zipsStayWithinTheSizeLimitCountingZipHeaders() {
        List<LetterPdf> pdfs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pdfs.add(pdf(SERVICE_A, 1000));
        }
        long limit = ZipGrouper.zipBytes(pdfs.subList(0, 3));

        List<List<LetterPdf>> groups = ZipGrouper.group(pdfs, limit, 500);

        assertThat(groups).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(groups).allSatisfy(group -> assertThat(ZipGrouper.zipBytes(group)).isLessThanOrEqualTo(limit));
    }

    @Test
    void theLimitIsTheZipNotJustThePdfBytes() {
        List<LetterPdf> pdfs = List.of(pdf(SERVICE_A, 1000), pdf(SERVICE_A, 1000));

        assertThat(ZipGrouper.group(pdfs, 2000, 500)).hasSize(2);
    }

    @Test
    void anOversizePdfGoesAloneAndNoGroupIsEmpty() {
        List<LetterPdf> pdfs = List.of(pdf(SERVICE_A, 100), pdf(SERVICE_A, 50_000), pdf(SERVICE_A, 100));

        List<List<LetterPdf>> groups = ZipGrouper.group(pdfs, 10_000, 500);

        assertThat(groups).containsExactly(pdfs.subList(0, 1), pdfs.subList(1, 2), pdfs.subList(2, 3));
    }

    @Test
    void addReturnsTheGroupItClosed() {
        ZipGrouper grouper = new ZipGrouper(NO_SIZE_LIMIT, 2);
        LetterPdf a = pdf(SERVICE_A, 1);
        LetterPdf b = pdf(SERVICE_A, 1);
        LetterPdf c = pdf(SERVICE_A, 1);

        assertThat(grouper.add(a)).isEmpty();
        assertThat(grouper.add(b)).isEmpty();
        assertThat(grouper.add(c)).contains(List.of(a, b));
        assertThat(grouper.finish()).contains(List.of(c));
        assertThat(grouper.finish()).isEmpty();
    }

    private LetterPdf pdf(UUID service, long size) {
        String reference = "REF%013d".formatted(counter++);
        return new LetterPdf(UUID.randomUUID(), service, null,
                "2020-06-15/NOTIFY." + reference + ".D.2.C.20200615120000.PDF", size);
    }
}
