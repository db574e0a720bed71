package org.cartpath.patient;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Organ function results from one date; any may be missing, not all. */
public record OrganFunction(
        LocalDate testedOn,
        BigDecimal creatinineMicromolPerLitre,
        BigDecimal bilirubinMicromolPerLitre,
        BigDecimal altUnitsPerLitre,
        BigDecimal lvefPercent,
        BigDecimal spo2Percent) implements ClinicalDetails {

    @Override
    public EntryKind kind() {
        return EntryKind.ORGAN_FUNCTION;
    }

    @Override
    public LocalDate effectiveOn() {
        return testedOn;
    }
}
