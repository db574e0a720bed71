package org.cartpath.reporting;

/**
 * Small-number suppression for anyone outside the treating centre: a count of 1 to 4 patients is shown as "&lt;5"
 * and any figure derived from it (its percentage) is withheld, following NHS statistical disclosure practice
 * (NHS Digital, Disclosure control / Small numbers; ONS, Disclosure control guidance for tables produced from
 * administrative sources), as applied by NHS national clinical audits. docs/clinical/outcome-measures.md,
 * "Small numbers". Zero is shown: it discloses nothing about a person.
 */
public record Disclosure(boolean suppressSmallNumbers) {

    /** Counts from 1 to this (inclusive) are suppressed. */
    public static final int SMALLEST_SHOWN = 5;

    public static final Disclosure FULL = new Disclosure(false);
    public static final Disclosure SUPPRESSED = new Disclosure(true);

    /** A count as it may be shown. */
    public Count count(long value) {
        return suppressed(value) ? new Count(null, "<" + SMALLEST_SHOWN) : new Count(value, Long.toString(value));
    }

    /** Whether a count (or a figure computed from so many patients) is withheld. */
    public boolean suppressed(long patients) {
        return suppressSmallNumbers && patients > 0 && patients < SMALLEST_SHOWN;
    }

    /** A statistic computed from {@code patients} may be shown unless they are 1–4 and suppression applies. */
    public boolean shows(long patients) {
        return !suppressed(patients);
    }

    /** A count: {@code value} is null when suppressed; {@code shown} is what people read ("&lt;5" or the number). */
    public record Count(Long value, String shown) {
        public boolean isSuppressed() {
            return value == null;
        }
    }
}
