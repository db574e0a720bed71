package org.cartpath.shared;

import java.time.Instant;

/**
 * One behaviour for acknowledging an alert, wherever it was raised (a temperature excursion in custody, a missed
 * assessment or a severe grade in monitoring): an optional note of at most {@link #MAX_NOTE} characters, once only,
 * and a second acknowledgement answered 409 {@code alert-already-acknowledged} naming who acknowledged it and when.
 */
public final class AlertAcknowledgements {

    public static final int MAX_NOTE = 1000;
    public static final String ALREADY_ACKNOWLEDGED = "alert-already-acknowledged";

    private AlertAcknowledgements() {
    }

    /** The note trimmed, {@code null} when blank; 400 naming the field when too long. */
    public static String note(String note) {
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        if (trimmed != null && trimmed.length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        return trimmed;
    }

    public static ProblemException alreadyAcknowledged(String byName, Instant at) {
        return ProblemException.conflict(ALREADY_ACKNOWLEDGED, "This alert was already acknowledged by " + byName
                + (at == null ? "" : " at " + at));
    }
}
