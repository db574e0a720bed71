package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.patient.Entry;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.OrganFunction;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-20T08:30:00Z");

    @Test
    void aBloodPressureWithoutItsDiastolicSaysTheValueIsAbsentRatherThanLeaveItOut() {
        Observation bp = Observations.ofAssessment(PATIENT, assessment(1, 104, null), Measure.BLOOD_PRESSURE).orElseThrow();

        assertThat(bp.getComponent()).hasSize(2);
        assertThat(bp.getComponent().get(0).getValueQuantity().getValue()).isEqualByComparingTo("104");
        assertThat(bp.getComponent().get(0).getValueQuantity().getCode()).isEqualTo("mm[Hg]");
        assertThat(bp.getComponent().get(1).hasValue()).isFalse();
        assertThat(bp.getComponent().get(1).getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("not-performed");
    }

    @Test
    void anAssessmentWithoutAnyBloodPressureGivesNoBloodPressureObservation() {
        assertThat(Observations.ofAssessment(PATIENT, assessment(1, null, null), Measure.BLOOD_PRESSURE)).isEmpty();
    }

    @Test
    void aCorrectedAssessmentsCurrentVersionIsCorrectedAndTheFirstIsFinal() {
        assertThat(Observations.ofAssessment(PATIENT, assessment(1, 110, 70), Measure.CRS_GRADE).orElseThrow().getStatus())
                .isEqualTo(ObservationStatus.FINAL);
        assertThat(Observations.ofAssessment(PATIENT, assessment(2, 110, 70), Measure.CRS_GRADE).orElseThrow().getStatus())
                .isEqualTo(ObservationStatus.CORRECTED);
    }

    @Test
    void theIcansGradeIsDerivedFromTheIceScoreOfTheSameAssessmentAndNoCapdScoreIsInvented() {
        RecordedAssessment a = assessment(1, 110, 70);

        Observation icans = Observations.ofAssessment(PATIENT, a, Measure.ICANS_GRADE).orElseThrow();

        assertThat(icans.getDerivedFrom()).extracting(r -> r.getReference()).containsExactly("Observation/ice-" + a.id());
        assertThat(Observations.ofAssessment(PATIENT, a, Measure.CAPD_SCORE)).isEmpty();
        assertThat(Observations.ofAssessment(PATIENT, a, Measure.ICE_SCORE).orElseThrow().getValueIntegerType().getValue())
                .isEqualTo(10);
    }

    @Test
    void aVoidedResultIsEnteredInErrorWithItsReasonAndAnEmptyValueGivesNoObservation() {
        Entry<OrganFunction> voided = new Entry<>(UUID.randomUUID(), EntryKind.ORGAN_FUNCTION,
                new OrganFunction(LocalDate.of(2026, 11, 1), new BigDecimal("61"), null, null, null, null),
                new Entry.Recorded(AT, "A Nurse", null, "Centre"),
                new Entry.Voided("Wrong patient's sample", AT.plusSeconds(60), "A Nurse", "Centre"));

        Observation creatinine = Observations.ofEntry(PATIENT, voided, Measure.CREATININE).orElseThrow();

        assertThat(creatinine.getStatus()).isEqualTo(ObservationStatus.ENTEREDINERROR);
        assertThat(creatinine.getNoteFirstRep().getText()).contains("Wrong patient's sample");
        assertThat(creatinine.getValueQuantity().getCode()).isEqualTo("umol/L");
        assertThat(creatinine.getCode().getCodingFirstRep().getCode()).isEqualTo("14682-9");
        assertThat(Observations.ofEntry(PATIENT, voided, Measure.BILIRUBIN)).isEmpty();
    }

    private static RecordedAssessment assessment(int version, Integer systolic, Integer diastolic) {
        AssessmentInput input = new AssessmentInput(AT, new BigDecimal("38.2"), 100, systolic, diastolic, 20, 97, false,
                List.of(), OxygenDevice.NONE, null, false, false, false, new AssessmentInput.IceItems(4, 3, 1, 1, 1), null,
                false, Consciousness.AWAKENS_SPONTANEOUSLY, false, Seizure.NONE, false, CerebralEdema.NONE, null, null);
        UUID id = UUID.randomUUID();
        return new RecordedAssessment(id, id, version, null, null, new CaseId(UUID.randomUUID()), AT, 2, input,
                new BigDecimal("38.2"), 1, List.of("FEVER"), "Fever without hypotension or hypoxia", 0, "ICE", 10, List.of(),
                "ICE 10", "astct-2019.1", "A Nurse", AT.plusSeconds(30), true);
    }
}
