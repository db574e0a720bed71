package org.cartpath.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/**
 * The NHS.UK date input: three boxes {@code name-day}, {@code name-month} and {@code name-year} in a submitted
 * form, read into a date.
 */
public final class DateBoxes {

    private DateBoxes() {
    }

    /**
     * The date the boxes hold; {@code null} when all three are empty (the form's rules then say whether the date
     * is required).
     *
     * @throws DateTimeException when they do not make a real date with a four-digit year
     */
    public static LocalDate read(Map<String, String> fields, String name) {
        String day = fields.getOrDefault(name + "-day", "").strip();
        String month = fields.getOrDefault(name + "-month", "").strip();
        String year = fields.getOrDefault(name + "-year", "").strip();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        if (!year.matches("[0-9]{4}") || !day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}")) {
            throw new DateTimeException("not a date: " + day + " " + month + " " + year);
        }
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }
}
