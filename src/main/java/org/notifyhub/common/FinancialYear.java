package org.notifyhub.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A UK financial year, April to March in London days, named by the year it starts in (2025 = April 2025–March 2026). */
public record FinancialYear(int year) {

    /** Years whose start and end datetime exists (Notify's get_financial_year fails outside them). */
    public static final int FIRST = 1;
    public static final int LAST = 9998;

    public static FinancialYear of(LocalDate londonDay) {
        return new FinancialYear(londonDay.getMonthValue() >= 4 ? londonDay.getYear() : londonDay.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, 3, 31);
    }

    public boolean contains(LocalDate day) {
        return LondonDays.within(day, firstDay(), lastDay());
    }

    /** The year's months that have begun by now (London): Notify lists no month still to come. */
    public List<YearMonth> monthsBegunBy(LocalDateTime utcNow) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.of(year, 4); !month.isAfter(YearMonth.of(year + 1, 3)); month = month.plusMonths(1)) {
            if (LondonDays.start(month.atDay(1)).isBefore(utcNow)) {
                months.add(month);
            }
        }
        return months;
    }
}
