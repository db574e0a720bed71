package org.cartpath.catalogue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number from a label with where it comes from. A number the catalogue cannot source is absent: its
 * value is {@code null} and the note says why. {@code check} marks a number taken from a secondary source
 * (a review, a drug monograph, a manufacturer's web page) rather than read in the label itself.
 *
 * @param value  the number, or null when the source gives none
 * @param source where it comes from, e.g. "Kymriah USPI §2"; required when there is a value
 * @param check  whether the number must still be checked against the label
 * @param note   why a value is missing, or how it was read
 */
public record SourcedNumber(BigDecimal value, String source, boolean check, String note) {

    public SourcedNumber {
        if (value != null && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("a number needs its source");
        }
        if (value == null && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("a missing number needs a note saying why");
        }
    }

    public static SourcedNumber of(String value, String source) {
        return new SourcedNumber(new BigDecimal(value), source, false, null);
    }

    public static SourcedNumber absent(String note) {
        return new SourcedNumber(null, null, false, note);
    }

    public boolean present() {
        return value != null;
    }

    /** The value as a whole number (days, doses, years); fails if absent or fractional. */
    public int intValue() {
        return Objects.requireNonNull(value, "no value: " + note).intValueExact();
    }
}
