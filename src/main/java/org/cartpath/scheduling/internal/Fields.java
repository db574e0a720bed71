package org.cartpath.scheduling.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.cartpath.shared.ProblemException;

/** Parsing of request values with 400s that name the field. */
public final class Fields {

    private Fields() {
    }

    /** An ISO date ({@code 2026-11-30}); null or blank stays null. */
    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date written as YYYY-MM-DD");
        }
    }

    /** An id sent in a body: a malformed one is a bad request (in a path it would be a 404). */
    public static UUID id(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be an id as given by cartpath");
        }
    }

    /** Free text of at most {@code max} characters, trimmed; blank is null. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ProblemException.invalid(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** Required free text. */
    public static String requiredText(String value, String field, int max) {
        String text = text(value, field, max);
        if (text == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return text;
    }
}
