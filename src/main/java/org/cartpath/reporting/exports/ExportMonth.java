package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.cartpath.shared.ProblemException;

/** The calendar month an export covers, as {@code 2026-08}: not in the future, not before 2000. */
final class ExportMonth {

    private ExportMonth() {
    }

    static YearMonth parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("month", "Enter the month, for example 2026-08");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "Enter the month as year and month, for example 2026-08");
        }
        if (month.isAfter(YearMonth.from(today))) {
            throw ProblemException.invalid("month", "The month must not be in the future");
        }
        if (month.getYear() < 2000) {
            throw ProblemException.invalid("month", "The month must be in 2000 or later");
        }
        return month;
    }
}
