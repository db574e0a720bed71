package org.cartpath.custody.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;

/** Fields of JSON bodies read as text, so that a malformed id or time is a 400 naming its field. */
final class ApiFields {

    private ApiFields() {
    }

    static UUID uuid(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be an id (a UUID)");
    }

    static CaseId caseId(String value, String field) {
        UUID id = uuid(value, field);
        return id == null ? null : new CaseId(id);
    }

    static OrganisationId organisation(String value, String field) {
        UUID id = uuid(value, field);
        return id == null ? null : new OrganisationId(id);
    }

    /** ISO-8601 with Z or an offset; an instant without one would be read in some unknown zone. */
    static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date and time with Z or an offset, e.g. 2026-11-26T10:15:00Z");
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return value;
    }
}
