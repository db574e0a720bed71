package org.cartpath.patient;

import java.time.LocalDate;

/** A diagnosis and when it was made; {@code description} is required for {@link DiagnosisCode#OTHER}. */
public record Diagnosis(DiagnosisCode code, String description, LocalDate diagnosedOn) implements ClinicalDetails {

    @Override
    public EntryKind kind() {
        return EntryKind.DIAGNOSIS;
    }

    @Override
    public LocalDate effectiveOn() {
        return diagnosedOn;
    }
}
