package org.cartpath.patient;

import java.time.LocalDate;

/**
 * What one entry of a patient's clinical history says. The same records carry a new entry in (fields
 * may be null until checked) and a stored entry out.
 */
public sealed interface ClinicalDetails permits Measurement, Diagnosis, DiseaseStatus, TherapyLine, Transplant,
        AntigenStatus, CnsStatus, PerformanceStatus, OrganFunction, Consent {

    EntryKind kind();

    /** The date the entry is about (measured, diagnosed, assessed, tested, started or decided on). */
    LocalDate effectiveOn();
}
