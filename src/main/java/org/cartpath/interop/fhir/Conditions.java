package org.cartpath.interop.fhir;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.Entry;
import org.cartpath.patient.PatientRecord;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * A diagnosis of the patient's history as a FHIR {@code Condition} (category encounter-diagnosis): the disease under
 * cartpath's diagnosis code system and, where one exists, its WHO ICD-10 (2019) code
 * (https://icd.who.int/browse10/2019/en: C91.0 acute lymphoblastic leukaemia, C83.3 diffuse large B-cell lymphoma,
 * C85.2 mediastinal (thymic) large B-cell lymphoma, C83.1 mantle cell lymphoma, C82.9 follicular lymphoma unspecified,
 * C90.0 multiple myeloma); the date of diagnosis as onset. cartpath does not hold whether the disease is active or in
 * remission as a clinical status (that is the disease status history), so none is given. A voided entry is
 * {@code entered-in-error}. Its id is {@code dx-<patient>-<entry>} in base 36, like an Observation of the history.
 */
final class Conditions {

    static final String PREFIX = "dx";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String DIAGNOSIS = FhirCodes.CARTPATH + "diagnosis";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private Conditions() {
    }

    static List<Condition> ofRecord(PatientRecord record) {
        return record.diagnoses().stream().map(e -> toFhir(record.id().value(), e)).toList();
    }

    static Optional<Condition> ofEntry(UUID patientId, Entry<?> entry) {
        if (entry.details() instanceof Diagnosis) {
            @SuppressWarnings("unchecked")
            Entry<Diagnosis> diagnosis = (Entry<Diagnosis>) entry;
            return Optional.of(toFhir(patientId, diagnosis));
        }
        return Optional.empty();
    }

    static String id(UUID patientId, UUID entryId) {
        return PREFIX + "-" + ObservationIds.base36(patientId) + "-" + ObservationIds.base36(entryId);
    }

    /** The patient and entry an id names, if it is a Condition id. */
    static Optional<UUID[]> parse(String id) {
        if (id == null || !id.startsWith(PREFIX + "-")) {
            return Optional.empty();
        }
        String[] parts = id.substring(PREFIX.length() + 1).split("-", -1);
        try {
            return parts.length != 2 ? Optional.empty() : Optional.of(new UUID[] {
                    ObservationIds.fromBase36(parts[0]), ObservationIds.fromBase36(parts[1])});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Condition toFhir(UUID patientId, Entry<Diagnosis> entry) {
        Diagnosis d = entry.details();
        Condition condition = new Condition();
        condition.setId(id(patientId, entry.id()));
        condition.addCategory().addCoding().setSystem(CATEGORY).setCode("encounter-diagnosis")
                .setDisplay("Encounter Diagnosis");
        CodeableConcept verification = condition.getVerificationStatus();
        if (entry.active()) {
            verification.addCoding().setSystem(VERIFICATION).setCode("confirmed").setDisplay("Confirmed");
        } else {
            verification.addCoding().setSystem(VERIFICATION).setCode("entered-in-error").setDisplay("Entered in Error");
            condition.addNote().setText("Voided: " + entry.voided().reason());
        }
        CodeableConcept code = condition.getCode();
        code.addCoding().setSystem(DIAGNOSIS).setCode(d.code().name()).setDisplay(d.code().label());
        icd10(d.code()).ifPresent(icd -> code.addCoding().setSystem(ICD10).setCode(icd));
        code.setText(d.code() == DiagnosisCode.OTHER && d.description() != null ? d.description() : d.code().label());
        condition.setSubject(new Reference("Patient/" + patientId));
        if (d.diagnosedOn() != null) {
            condition.setOnset(new DateTimeType(d.diagnosedOn().toString()));
        }
        condition.setRecordedDateElement(Observations.dateTime(entry.recorded().at()));
        condition.getMeta().setLastUpdated(Date.from(entry.active() ? entry.recorded().at() : entry.voided().at()));
        return condition;
    }

    static Optional<String> icd10(DiagnosisCode code) {
        return Optional.ofNullable(switch (code) {
            case B_ALL -> "C91.0";
            case LBCL, DLBCL -> "C83.3";
            case PMBCL -> "C85.2";
            case MCL -> "C83.1";
            case FL -> "C82.9";
            case MULTIPLE_MYELOMA -> "C90.0";
            case OTHER -> null;
        });
    }
}
