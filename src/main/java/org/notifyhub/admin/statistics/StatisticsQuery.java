package org.notifyhub.admin.statistics;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.common.FinancialYear;

/** The statistics endpoints' query parameters, read as Notify reads them, with its texts for bad ones. */
final class StatisticsQuery {

    /** Python's int(): spaces around, a sign, digits with single underscores between them. */
    private static final Pattern PYTHON_INT = Pattern.compile("\\s*([+-]?\\d+(?:_\\d+)*)\\s*");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** More days back than this is all of the facts anyway. */
    private static final int MAX_LIMIT_DAYS = 36_600;

    private StatisticsQuery() {
    }

    /** ?year= for the financial-year endpoints: "Year must be a number" when it is not one (or names no real year). */
    static FinancialYear year(String text) {
        Long year = pythonInt(text);
        if (year == null || year < FinancialYear.FIRST || year > FinancialYear.LAST) {
            throw AdminApiException.badRequest("Year must be a number");
        }
        return new FinancialYear(year.intValue());
    }

    /** ?limit_days= (7 when absent); Notify fails on anything but an integer, the hub says why. */
    static int limitDays(String text) {
        if (text == null) {
            return 7;
        }
        Long days = pythonInt(text);
        if (days == null || Math.abs(days) > MAX_LIMIT_DAYS) {
            throw AdminApiException.invalid("limit_days", "limit_days " + text + " is not an integer");
        }
        return days.intValue();
    }

    /** ?start_date=&end_date= (London days, inclusive), each today when absent. */
    record Range(LocalDate from, LocalDate to) {
    }

    static Range range(QueryParameters query, LocalDate today) {
        String start = query.first("start_date");
        String end = query.first("end_date");
        return new Range(start == null ? today : date("start_date", start), end == null ? today : date("end_date", end));
    }

    /** A platform-stats date: Notify's JSON-schema "date" format and Python's texts for an impossible one. */
    static LocalDate date(String field, String text) {
        Matcher matcher = ISO_DATE.matcher(text);
        if (!matcher.matches()) {
            throw AdminApiException.invalid(field, field + " " + text + " is not a date");
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        if (year < 1) {
            throw AdminApiException.invalid(field, field + " year " + year + " is out of range");
        }
        if (month < 1 || month > 12) {
            throw AdminApiException.invalid(field, field + " month must be in 1..12");
        }
        try {
            return LocalDate.of(year, month, Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            throw AdminApiException.invalid(field, field + " day is out of range for month");
        }
    }

    private static Long pythonInt(String text) {
        Matcher matcher = PYTHON_INT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return null;
        }
        String digits = matcher.group(1).replace("_", "");
        return digits.replaceFirst("^[+-]", "").length() > 12 ? null : Long.parseLong(digits);
    }
}
