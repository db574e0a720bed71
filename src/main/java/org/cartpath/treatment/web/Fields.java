package org.cartpath.treatment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Reading dates, times and numbers from API bodies (as ISO strings, so that a number is never taken for a date) and
 * from forms (times entered in the centre's time zone), each problem named by its field.
 */
final class Fields {

    private Fields() {
    }

    static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date, for example 2026-11-26"));
            return null;
        }
    }

    /** An instant as ISO-8601 with its offset or Z, e.g. 2026-11-26T10:00:00Z. */
    static Instant instant(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date and time with its offset, for example 2026-11-26T10:00:00Z"));
            return null;
        }
    }

    /** A form's datetime-local value, in the centre's time zone. */
    static Instant localDateTime(String value, String field, ZoneId zone, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date and time, for example 2026-11-26T10:00"));
            return null;
        }
    }

    static BigDecimal number(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a number, for example 27.5"));
            return null;
        }
    }

    static Integer whole(String value, String field, List<FieldProblem> problems) {
        BigDecimal number = number(value, field, problems);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(field, "must be a whole number"));
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(new FieldProblem(field, "is far too large"));
            return null;
        }
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.cartpath.shared.RequestFields.choice(value, type, field);
        } catch (ProblemException e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }

    static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A missing (or blank) value is named once, as required; a value that cannot be read is named by its parser. */
    static void required(List<FieldProblem> problems, Object value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
