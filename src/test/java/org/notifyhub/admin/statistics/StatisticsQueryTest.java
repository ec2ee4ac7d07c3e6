package org.notifyhub.admin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.common.FinancialYear;

/** Query parameters read as Notify reads them: Python's int() for years, JSON schema's date format with its texts. */
class StatisticsQueryTest {

    @Test
    void yearsAreReadAsPythonReadsAnInteger() {
        assertThat(StatisticsQuery.year(" 2025 ")).isEqualTo(new FinancialYear(2025));
        assertThat(StatisticsQuery.year("+2_025")).isEqualTo(new FinancialYear(2025));
        for (String bad : new String[] {null, "", "NaN", "2025.0", "2__025", "0", "9999", "99999999999999"}) {
            assertThatThrownBy(() -> StatisticsQuery.year(bad)).as(bad).isInstanceOfSatisfying(AdminApiException.class,
                    e -> assertThat(e.body()).isEqualTo("Year must be a number"));
        }
    }

    @Test
    void limitDaysDefaultsToSeven() {
        assertThat(StatisticsQuery.limitDays(null)).isEqualTo(7);
        assertThat(StatisticsQuery.limitDays("3")).isEqualTo(3);
        assertThatThrownBy(() -> StatisticsQuery.limitDays("3.5")).isInstanceOfSatisfying(AdminApiException.class,
                e -> assertThat(e.body()).isEqualTo(Map.of("limit_days", List.of("limit_days 3.5 is not an integer"))));
    }

    @Test
    void datesGetPythonsTextsForImpossibleOnes() {
        assertThat(StatisticsQuery.date("start_date", "2024-02-29")).isEqualTo(LocalDate.parse("2024-02-29"));
        assertRefused("1234-56-78", "start_date month must be in 1..12");
        assertRefused("2023-02-29", "start_date day is out of range for month");
        assertRefused("0000-01-01", "start_date year 0 is out of range");
        assertRefused("2023-1-01", "start_date 2023-1-01 is not a date");
        assertRefused("", "start_date  is not a date");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> StatisticsQuery.date("start_date", text)).isInstanceOfSatisfying(AdminApiException.class,
                e -> assertThat(e.body()).isEqualTo(Map.of("start_date", List.of(message))));
    }
}
