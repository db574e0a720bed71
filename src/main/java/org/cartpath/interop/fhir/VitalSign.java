package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The vital signs a ward system may send (ADR 0030): the LOINC codes and UCUM units of the FHIR R4 vital signs profile
 * (http://hl7.org/fhir/R4/observation-vitalsigns.html), the same as the façade emits ({@link Measure}). The limits are
 * input sanity, not clinical rules, as on the assessment form ({@code monitoring.grading.CrsAssessment}): a value
 * outside them is a typing or device error, not a patient.
 */
enum VitalSign {
    TEMPERATURE(Measure.TEMPERATURE, "8310-5", "Cel", "30", "45"),
    HEART_RATE(Measure.HEART_RATE, "8867-4", "/min", "20", "300"),
    RESPIRATORY_RATE(Measure.RESPIRATORY_RATE, "9279-1", "/min", "2", "80"),
    OXYGEN_SATURATION(Measure.OXYGEN_SATURATION, "2708-6", "%", "50", "100"),
    PULSE_OXIMETRY(Measure.OXYGEN_SATURATION, Measure.PULSE_OXIMETRY, "%", "50", "100"),
    BLOOD_PRESSURE(Measure.BLOOD_PRESSURE, "85354-9", "mm[Hg]", "20", "300");

    final Measure measure;
    final String code;
    final String unit;
    private final BigDecimal lowest;
    private final BigDecimal highest;

    VitalSign(Measure measure, String code, String unit, String lowest, String highest) {
        this.measure = measure;
        this.code = code;
        this.unit = unit;
        this.lowest = new BigDecimal(lowest);
        this.highest = new BigDecimal(highest);
    }

    static Optional<VitalSign> byCode(String loinc) {
        return Arrays.stream(values()).filter(v -> v.code.equals(loinc)).findFirst();
    }

    /** The value (a blood pressure panel: systolic and diastolic), and what was sent, in words. */
    record Reading(BigDecimal value, BigDecimal second, String sent) {
    }

    Reading read(Observation observation, String at) {
        if (this == BLOOD_PRESSURE) {
            BigDecimal systolic = component(observation, Measure.SYSTOLIC, at);
            BigDecimal diastolic = component(observation, Measure.DIASTOLIC, at);
            if (diastolic.compareTo(systolic) >= 0) {
                throw new UnprocessableEntityException(at + ": the diastolic pressure must be below the systolic");
            }
            return new Reading(systolic, diastolic, systolic.toPlainString() + "/" + diastolic.toPlainString());
        }
        BigDecimal value = checked(ObservationIntake.quantity(observation, at), at, "LOINC " + code);
        return new Reading(value, null, value.toPlainString());
    }

    private BigDecimal component(Observation observation, String loinc, String at) {
        Observation.ObservationComponentComponent component = observation.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(
                        coding -> FhirCodes.LOINC.equals(coding.getSystem()) && loinc.equals(coding.getCode())))
                .findFirst()
                .orElseThrow(() -> new UnprocessableEntityException(at + ": a blood pressure panel needs a component "
                        + "LOINC " + loinc));
        if (!component.hasValueQuantity() || component.getValueQuantity().getValue() == null) {
            throw new UnprocessableEntityException(at + ": component LOINC " + loinc + " needs a valueQuantity");
        }
        return checked(component.getValueQuantity(), at, "component LOINC " + loinc);
    }

    private BigDecimal checked(Quantity quantity, String at, String what) {
        String sentUnit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        if (!unit.equals(sentUnit)) {
            throw new UnprocessableEntityException(at + ": " + what + " must be in the UCUM unit " + unit + ", not '"
                    + (sentUnit == null ? "" : sentUnit) + "'");
        }
        BigDecimal value = quantity.getValue();
        if (value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
            throw new UnprocessableEntityException(at + ": " + what + " value " + value.toPlainString() + " " + unit
                    + " is outside " + lowest + " to " + highest + " " + unit);
        }
        return value.stripTrailingZeros();
    }
}
