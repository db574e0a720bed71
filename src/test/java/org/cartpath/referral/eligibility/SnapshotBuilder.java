package org.cartpath.referral.eligibility;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.Sex;
import org.cartpath.patient.TherapyLine.Tag;

/**
 * Clinical snapshots for the eligibility tables, built directly: a 9-year-old with B-ALL and nothing else
 * recorded unless a test says so. {@link #nothingRecorded()} leaves every value unknown.
 */
final class SnapshotBuilder {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private Integer age = 9;
    private DiagnosisCode diagnosis = DiagnosisCode.B_ALL;
    private String description;
    private DiseaseStatus status;
    private Integer monthsToRelapse;
    private Integer lines;
    private Set<Tag> exposures;
    private Boolean transplant;

    static SnapshotBuilder child() {
        return new SnapshotBuilder();
    }

    static SnapshotBuilder adult(DiagnosisCode code) {
        return new SnapshotBuilder().age(45).diagnosis(code);
    }

    static SnapshotBuilder nothingRecorded() {
        return new SnapshotBuilder().age(null).diagnosis(null);
    }

    SnapshotBuilder age(Integer years) {
        age = years;
        return this;
    }

    SnapshotBuilder diagnosis(DiagnosisCode code) {
        diagnosis = code;
        return this;
    }

    SnapshotBuilder other(String text) {
        diagnosis = DiagnosisCode.OTHER;
        description = text;
        return this;
    }

    /** A disease status as the record holds it; null fields are what was not recorded. */
    SnapshotBuilder status(Boolean refractory, Integer relapseNumber, Boolean afterTransplant) {
        status = new DiseaseStatus(AS_OF.minusDays(10), refractory, relapseNumber, afterTransplant, null, null);
        return this;
    }

    SnapshotBuilder refractory() {
        return status(true, 0, false);
    }

    SnapshotBuilder relapse(int number) {
        return status(false, number, false);
    }

    SnapshotBuilder relapseAfterTransplant(int number) {
        transplant = true;
        return status(false, number, true);
    }

    SnapshotBuilder monthsToRelapse(Integer months) {
        monthsToRelapse = months;
        return this;
    }

    SnapshotBuilder lines(Integer count, Tag... tags) {
        lines = count;
        exposures = count == null ? null : tags.length == 0 ? Set.of() : EnumSet.of(tags[0], tags);
        return this;
    }

    ClinicalSnapshot build() {
        Diagnosis dx = diagnosis == null ? null : new Diagnosis(diagnosis, description, LocalDate.of(2024, 3, 1));
        return new ClinicalSnapshot(PatientId.random(), AS_OF, age, Sex.FEMALE, null, null, dx,
                diagnosis == null ? null : diagnosis.indicationCode(), status, monthsToRelapse, lines, exposures,
                transplant, null, null, null, null, null, null, null, null, null);
    }
}
