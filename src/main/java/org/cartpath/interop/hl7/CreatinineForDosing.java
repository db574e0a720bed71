package org.cartpath.interop.hl7;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.patient.Entry;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A filed serum creatinine becomes an organ function entry of the patient's record, through the patient module, so that
 * the lymphodepletion plan reads it as its renal function (treatment's {@code PlanCalculation} takes the latest
 * creatinine of the patient's record, docs/clinical/renal-function.md) without anyone typing it again. The entry is
 * recorded by the HL7 interface, dated on the day the sample was taken, and checked by the patient module's own rules
 * (plausible range, not in the future); one those rules would refuse is not recorded (the result stays filed and on the
 * case page), since a refusal inside the filing transaction would lose the whole message (ADR 0024).
 */
@Component
class CreatinineForDosing {

    private final PatientManagement patients;
    private final ZoneId zone;

    CreatinineForDosing(PatientManagement patients, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.patients = patients;
        this.zone = ZoneId.of(zone);
    }

    /** Records the latest creatinine among {@code results}, if any and if the patient module accepts it. */
    Optional<Entry<OrganFunction>> record(Actor actor, UUID patientId, List<FiledResult> results) {
        Optional<FiledResult> creatinine = results.stream()
                .filter(r -> r.measurement() == LabMeasurement.CREATININE)
                .max(Comparator.comparing(FiledResult::observedAt));
        if (creatinine.isEmpty()) {
            return Optional.empty();
        }
        PatientId patient = new PatientId(patientId);
        // the record keeps creatinine to 0.1 µmol/L (UK laboratories report whole µmol/L); a value converted from mg/dL
        // (× 88.4) is rounded to that, a change of less than 0.1 % that no dose band can notice
        OrganFunction entry = new OrganFunction(LocalDate.ofInstant(creatinine.get().observedAt(), zone),
                creatinine.get().value().setScale(1, RoundingMode.HALF_UP), null, null, null, null);
        if (!patients.problemsIn(actor, patient, entry).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(patients.record(actor, patient, entry));
    }
}
