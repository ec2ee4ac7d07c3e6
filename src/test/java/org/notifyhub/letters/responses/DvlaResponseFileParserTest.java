package org.notifyhub.letters.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DvlaResponseFileParserTest {

    private static final String NAME = "NOTIFY-20180125140000-RSP.TXT";

    @Test
    void readsEveryLineAndCountsSortedAndUnsortedInAnyCase() {
        DvlaResponseFile file = DvlaResponseFileParser.parse(NAME, """
                ABCDEF1234567890|Sent|1|Sorted
                BBCDEF1234567890|Failed|2|UNSORTED\r
                
                CBCDEF1234567890|Sent|3|sorted
                """);

        assertThat(file.billingDay()).isEqualTo(LocalDate.of(2018, 1, 25));
        assertThat(file.lines()).containsExactly(
                new DvlaResponseFile.Line("ABCDEF1234567890", "Sent", 1, true),
                new DvlaResponseFile.Line("BBCDEF1234567890", "Failed", 2, false),
                new DvlaResponseFile.Line("CBCDEF1234567890", "Sent", 3, true));
        assertThat(file.sortedCount()).isEqualTo(2);
        assertThat(file.unsortedCount()).isEqualTo(1);
        assertThat(file.failedReferences()).containsExactly("BBCDEF1234567890");
    }

    @Test
    void onlySentIsASuccess() {
        DvlaResponseFile file = DvlaResponseFileParser.parse(NAME, "A|sent|1|Sorted\nB|SENT|1|Sorted\nC|Sent|1|Sorted\n");

        assertThat(file.failedReferences()).containsExactly("A", "B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " \n\n"})
    void aFileWithoutLinesIsRejected(String empty) {
        assertThatThrownBy(() -> DvlaResponseFileParser.parse(NAME, empty))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessage("DVLA response file: " + NAME + " is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A|Sent|1", "A|Sent|1|Sorted|extra", "A", "|Sent|1|Sorted", "A||1|Sorted", "A|Sent|one|Sorted",
            "A|Sent||Sorted"})
    void aMalformedLineRejectsTheWholeFile(String bad) {
        assertThatThrownBy(() -> DvlaResponseFileParser.parse(NAME, "GOOD123456789012|Sent|1|Sorted\n" + bad + "\n"))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessage("DVLA response file: " + NAME + " has an invalid format");
    }

    @Test
    void anUnknownSortedValueRejectsTheWholeFileNamingTheValues() {
        assertThatThrownBy(() -> DvlaResponseFileParser.parse(NAME, "A|Sent|1|Sorted\nB|Sent|1|Franked\nC|Sent|1|Odd\n"))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessage("DVLA response file: " + NAME + " contains unknown Sorted status {'Franked', 'Odd'}");
    }

    @ParameterizedTest
    @CsvSource({
            // Winter: London is UTC.
            "NOTIFY-20180125235900-RSP.TXT, 2018-01-25",
            // Summer: 23:30 UTC is already the next day in London.
            "NOTIFY-20180625233000-RSP.TXT, 2018-06-26",
            "NOTIFY-20180625225959-RSP.TXT, 2018-06-25",
            // DVLA once sent a second of 60: the seconds are dropped.
            "NOTIFY-20180125140060-RSP.TXT, 2018-01-25",
            "notify-20180125140000-rsp.txt, 2018-01-25"})
    void theBillingDayIsTheLondonDateOfTheNamesTimestamp(String name, LocalDate day) {
        assertThat(DvlaResponseFileParser.parse(name, "A|Sent|1|Sorted").billingDay()).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSP.TXT", "NOTIFY-2018-RSP.TXT", "NOTIFY-20181325140000-RSP.TXT", "NOTIFY-abc-RSP.TXT"})
    void aNameWithoutATimestampRejectsTheFile(String name) {
        assertThatThrownBy(() -> DvlaResponseFileParser.parse(name, "A|Sent|1|Sorted"))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessageContaining("has an invalid name");
    }

    @ParameterizedTest
    @CsvSource({"NOTIFY-20180125140000-RSP.TXT, true", "notify-20180125140000-rsp.txt, true", "NOTIFY-1-RS.TXT, true",
            "NOTIFY.2018.ACK.TXT, false", "NOTIFY-20180125140000-RSP.TXT.part, false", "report.txt, false"})
    void onlyRspAndRsTextFilesAreResponseFiles(String name, boolean responseFile) {
        assertThat(DvlaResponseFileParser.isResponseFile(name)).isEqualTo(responseFile);
    }

    @Test
    void listsAreWrittenAsNotifyWroteThem() {
        assertThat(DvlaResponseFileParser.pythonList(List.of("A", "B"))).isEqualTo("['A', 'B']");
        assertThat(DvlaResponseFileParser.pythonList(List.of())).isEqualTo("[]");
    }
}
