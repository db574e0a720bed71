package org.cartpath.patient;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Weight and height on a date; either may be missing, not both. */
public record Measurement(LocalDate measuredOn, BigDecimal weightKg, BigDecimal heightCm) implements ClinicalDetails {

    @Override
    public EntryKind kind() {
        return EntryKind.MEASUREMENT;
    }

    @Override
    public LocalDate effectiveOn() {
        return measuredOn;
    }
}
