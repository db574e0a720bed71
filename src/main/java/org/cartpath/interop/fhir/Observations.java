package org.cartpath.interop.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.patient.Entry;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientRecord;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Translates cartpath's records into FHIR Observations: each value of an entry in the patient's history (weight,
 * height, organ function) and of a toxicity assessment (vital signs, the CRS and ICANS grades, the ICE or CAPD score)
 * becomes one Observation. A voided entry is emitted as {@code entered-in-error}; a corrected assessment's current
 * version as {@code corrected}. Plain Java: the callers have read the records through the modules' services.
 */
final class Observations {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Observations() {
    }

    /** Every measure of every weight/height and organ-function entry of the record. */
    static List<Observation> ofRecord(PatientRecord record) {
        UUID patientId = record.id().value();
        List<Observation> observations = new ArrayList<>();
        for (Entry<Measurement> entry : record.measurements()) {
            Measurement m = entry.details();
            add(observations, entry, patientId, Measure.BODY_WEIGHT, m.measuredOn(), m.weightKg());
            add(observations, entry, patientId, Measure.BODY_HEIGHT, m.measuredOn(), m.heightCm());
        }
        for (Entry<OrganFunction> entry : record.organFunctions()) {
            OrganFunction o = entry.details();
            add(observations, entry, patientId, Measure.CREATININE, o.testedOn(), o.creatinineMicromolPerLitre());
            add(observations, entry, patientId, Measure.BILIRUBIN, o.testedOn(), o.bilirubinMicromolPerLitre());
            add(observations, entry, patientId, Measure.ALT, o.testedOn(), o.altUnitsPerLitre());
            add(observations, entry, patientId, Measure.LVEF, o.testedOn(), o.lvefPercent());
            add(observations, entry, patientId, Measure.RECORDED_OXYGEN_SATURATION, o.testedOn(), o.spo2Percent());
        }
        return observations;
    }

    /** The one Observation with this measure of an entry, if the entry holds that value. */
    static java.util.Optional<Observation> ofEntry(UUID patientId, Entry<?> entry, Measure measure) {
        List<Observation> found = new ArrayList<>();
        if (entry.details() instanceof Measurement m) {
            add(found, entry, patientId, measure == Measure.BODY_WEIGHT ? measure : null, m.measuredOn(), m.weightKg());
            add(found, entry, patientId, measure == Measure.BODY_HEIGHT ? measure : null, m.measuredOn(), m.heightCm());
        } else if (entry.details() instanceof OrganFunction o) {
            BigDecimal value = switch (measure) {
                case CREATININE -> o.creatinineMicromolPerLitre();
                case BILIRUBIN -> o.bilirubinMicromolPerLitre();
                case ALT -> o.altUnitsPerLitre();
                case LVEF -> o.lvefPercent();
                case RECORDED_OXYGEN_SATURATION -> o.spo2Percent();
                default -> null;
            };
            add(found, entry, patientId, measure, o.testedOn(), value);
        }
        return found.stream().findFirst();
    }

    private static void add(List<Observation> into, Entry<?> entry, UUID patientId, Measure measure, LocalDate on,
            BigDecimal value) {
        if (measure == null || value == null) {
            return;
        }
        Observation observation = base(ObservationIds.ofEntry(measure, patientId, entry.id()), measure, patientId);
        observation.setStatus(entry.active() ? ObservationStatus.FINAL : ObservationStatus.ENTEREDINERROR);
        observation.setEffective(new DateTimeType(on.toString()));
        observation.setIssuedElement(instant(entry.recorded().at()));
        observation.setValue(quantity(value, measure.unit));
        if (!entry.active()) {
            observation.addNote().setText("Voided: " + entry.voided().reason());
        }
        observation.getMeta().setLastUpdated(Date.from(entry.active() ? entry.recorded().at() : entry.voided().at()));
        into.add(observation);
    }

    /** Every measure of each assessment: its vital signs, the CRS and ICANS grades and the ICE or CAPD score. */
    static List<Observation> ofAssessments(UUID patientId, List<RecordedAssessment> assessments) {
        List<Observation> observations = new ArrayList<>();
        for (RecordedAssessment a : assessments) {
            for (Measure measure : Measure.values()) {
                if (measure.fromAssessment()) {
                    ofAssessment(patientId, a, measure).ifPresent(observations::add);
                }
            }
        }
        return observations;
    }

    /** The one Observation with this measure of an assessment, if the assessment holds that value. */
    static java.util.Optional<Observation> ofAssessment(UUID patientId, RecordedAssessment a, Measure measure) {
        Observation o = base(ObservationIds.ofAssessment(measure, a.id()), measure, patientId);
        var in = a.inputs();
        switch (measure) {
            case TEMPERATURE -> {
                if (a.temperatureCelsius() == null) {
                    return java.util.Optional.empty();
                }
                o.setValue(quantity(a.temperatureCelsius(), measure.unit));
            }
            case HEART_RATE -> {
                if (in.heartRatePerMinute() == null) {
                    return java.util.Optional.empty();
                }
                o.setValue(quantity(BigDecimal.valueOf(in.heartRatePerMinute()), measure.unit));
            }
            case RESPIRATORY_RATE -> {
                if (in.respiratoryRatePerMinute() == null) {
                    return java.util.Optional.empty();
                }
                o.setValue(quantity(BigDecimal.valueOf(in.respiratoryRatePerMinute()), measure.unit));
            }
            case OXYGEN_SATURATION -> {
                if (in.oxygenSaturationPercent() == null) {
                    return java.util.Optional.empty();
                }
                o.setValue(quantity(BigDecimal.valueOf(in.oxygenSaturationPercent()), measure.unit));
            }
            case BLOOD_PRESSURE -> {
                if (in.systolicMmHg() == null && in.diastolicMmHg() == null) {
                    return java.util.Optional.empty();
                }
                component(o, Measure.SYSTOLIC, "Systolic blood pressure", in.systolicMmHg());
                component(o, Measure.DIASTOLIC, "Diastolic blood pressure", in.diastolicMmHg());
            }
            case CRS_GRADE -> {
                o.setValue(new IntegerType(a.crsGrade()));
                o.addNote().setText(a.crsExplanation() + " (grader " + a.graderVersion() + ")");
                for (Measure input : List.of(Measure.TEMPERATURE, Measure.BLOOD_PRESSURE, Measure.OXYGEN_SATURATION)) {
                    if (ofAssessment(patientId, a, input).isPresent()) {
                        o.addDerivedFrom(new Reference("Observation/" + ObservationIds.ofAssessment(input, a.id())));
                    }
                }
            }
            case ICANS_GRADE -> {
                o.setValue(new IntegerType(a.icansGrade()));
                o.addNote().setText(a.icansExplanation() + " (grader " + a.graderVersion() + ")");
                Measure score = "CAPD".equals(a.icansTool()) ? Measure.CAPD_SCORE : Measure.ICE_SCORE;
                if (ofAssessment(patientId, a, score).isPresent()) {
                    o.addDerivedFrom(new Reference("Observation/" + ObservationIds.ofAssessment(score, a.id())));
                }
            }
            case ICE_SCORE, CAPD_SCORE -> {
                boolean tool = (measure == Measure.CAPD_SCORE) == "CAPD".equals(a.icansTool());
                if (!tool || a.icansScore() == null) {
                    return java.util.Optional.empty();
                }
                o.setValue(new IntegerType(a.icansScore()));
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
        o.setStatus(a.version() > 1 ? ObservationStatus.CORRECTED : ObservationStatus.FINAL);
        o.setEffective(dateTime(a.assessedAt()));
        o.setIssuedElement(instant(a.recordedAt()));
        o.getMeta().setVersionId(Integer.toString(a.version()));
        o.getMeta().setLastUpdated(Date.from(a.recordedAt()));
        return java.util.Optional.of(o);
    }

    static void component(Observation o, String loinc, String display, Integer mmHg) {
        Observation.ObservationComponentComponent component = o.addComponent();
        component.getCode().addCoding().setSystem(FhirCodes.LOINC).setCode(loinc).setDisplay(display);
        if (mmHg == null) {
            component.getDataAbsentReason().addCoding().setSystem(FhirCodes.DATA_ABSENT_REASON).setCode("not-performed")
                    .setDisplay("Not Performed");
        } else {
            component.setValue(quantity(BigDecimal.valueOf(mmHg), "mm[Hg]"));
        }
    }

    static Observation base(String id, Measure measure, UUID patientId) {
        Observation o = new Observation();
        o.setId(id);
        CodeableConcept category = o.addCategory();
        category.addCoding().setSystem(FhirCodes.OBSERVATION_CATEGORY).setCode(measure.category.code)
                .setDisplay(measure.category.display);
        CodeableConcept code = o.getCode();
        for (String[] coding : measure.codings()) {
            code.addCoding().setSystem(coding[0]).setCode(coding[1])
                    .setDisplay(coding[1].equals(Measure.PULSE_OXIMETRY)
                            ? "Oxygen saturation in Arterial blood by Pulse oximetry" : measure.display);
        }
        code.setText(measure.display);
        o.setSubject(new Reference("Patient/" + patientId));
        return o;
    }

    static Quantity quantity(BigDecimal value, String ucum) {
        return new Quantity().setValue(value).setUnit(ucum).setSystem(FhirCodes.UCUM).setCode(ucum);
    }

    static DateTimeType dateTime(Instant at) {
        DateTimeType type = new DateTimeType(Date.from(at));
        type.setTimeZone(UTC);
        return type;
    }

    static InstantType instant(Instant at) {
        InstantType type = new InstantType(Date.from(at));
        type.setTimeZone(UTC);
        return type;
    }

    /**
     * An Observation a ward or laboratory system sent (ADR 0030), as cartpath keeps it: the sender's identifier, the
     * LOINC code sent, the value in cartpath's unit (a laboratory result converted as the HL7 interface converts it).
     */
    static Observation ofSent(SentObservation sent) {
        Observation o;
        if (sent.kind() == SentObservation.Kind.VITAL) {
            Measure measure = Measure.valueOf(sent.measurement());
            o = base(sent.fhirId(), measure, sent.patientId());
            if (measure == Measure.BLOOD_PRESSURE) {
                component(o, Measure.SYSTOLIC, "Systolic blood pressure", sent.value().intValue());
                component(o, Measure.DIASTOLIC, "Diastolic blood pressure", sent.secondValue().intValue());
            } else {
                o.setValue(quantity(sent.value(), measure.unit));
            }
        } else {
            o = new Observation();
            o.setId(sent.fhirId());
            o.addCategory().addCoding().setSystem(FhirCodes.OBSERVATION_CATEGORY)
                    .setCode(Measure.Category.LABORATORY.code).setDisplay(Measure.Category.LABORATORY.display);
            org.cartpath.interop.hl7.LabMeasurement lab = org.cartpath.interop.hl7.LabMeasurement.valueOf(
                    sent.measurement());
            o.getCode().addCoding().setSystem(FhirCodes.LOINC).setCode(sent.code());
            o.getCode().setText(lab.label());
            o.setSubject(new Reference("Patient/" + sent.patientId()));
            o.setValue(quantity(sent.value(), ucum(lab.unit())));
        }
        o.addIdentifier().setSystem(sent.identifierSystem()).setValue(sent.identifierValue());
        o.setStatus(ObservationStatus.FINAL);
        o.setEffective(dateTime(sent.observedAt()));
        o.setIssuedElement(instant(sent.submittedAt()));
        o.getMeta().setLastUpdated(Date.from(sent.submittedAt()));
        return o;
    }

    /** cartpath's unit of a laboratory measurement as a UCUM code (micro as u, powers of ten as 10*). */
    static String ucum(String unit) {
        return unit.replace("10^9", "10*9").replace("cells/µL", "/uL").replace('µ', 'u');
    }

    /** When the observation was made, for sorting and the {@code date} search; null if it has no effective time. */
    static Date effective(Observation o) {
        return o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : null;
    }
}
