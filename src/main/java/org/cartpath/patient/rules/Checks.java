package org.cartpath.patient.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.shared.ProblemException.FieldProblem;

/** Collects the problems of one request, field by field, the first problem of each field only. */
final class Checks {

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new FieldProblem(field, message));
        }
    }

    boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    void required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be " + max + " characters or fewer");
        }
    }

    /**
     * A clinical date: required, not in the future, and not before the patient was born (when known).
     * {@code today} is the date where the clinic is (Europe/London unless configured otherwise).
     */
    void clinicalDate(String field, LocalDate date, LocalDate dateOfBirth, LocalDate today) {
        if (date == null) {
            add(field, "is required");
        } else if (date.isAfter(today)) {
            add(field, "must not be in the future");
        } else if (dateOfBirth != null && date.isBefore(dateOfBirth)) {
            add(field, "must not be before the date of birth (" + dateOfBirth + ")");
        }
    }

    void optionalDate(String field, LocalDate date, LocalDate dateOfBirth, LocalDate today) {
        if (date != null) {
            clinicalDate(field, date, dateOfBirth, today);
        }
    }

    /** A decimal in [min, max], or (min, max] when {@code minExclusive}, with at most {@code places} decimals. */
    void decimal(String field, BigDecimal value, BigDecimal min, boolean minExclusive, BigDecimal max, int places,
            String rangeMessage) {
        if (value == null) {
            return;
        }
        boolean belowMin = minExclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0;
        if (belowMin || value.compareTo(max) > 0) {
            add(field, rangeMessage);
        } else if (Math.max(0, value.stripTrailingZeros().scale()) > places) {
            add(field, "must have at most " + places + (places == 1 ? " decimal place" : " decimal places"));
        }
    }
}
