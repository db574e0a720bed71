package org.cartpath.interop.hl7;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * The filing of a laboratory result as the HL7 results interface does it (ADR 0024), for the FHIR façade's
 * Observations (ADR 0030): the same code table (local and LOINC codes to a measurement), the same unit conversion, the
 * same results table (the case page and the monitoring board), and a creatinine recorded for dosing the same way. So
 * one result sent by either interface is shown and used alike.
 */
@Component
public class LabResultFiling {

    private final LabCodes codes;
    private final MessageStore store;
    private final CreatinineForDosing creatinine;

    LabResultFiling(LabCodes codes, MessageStore store, CreatinineForDosing creatinine) {
        this.codes = codes;
        this.store = store;
        this.creatinine = creatinine;
    }

    /** A result converted to cartpath's unit of its measurement, ready to file; what was sent is kept beside it. */
    public record Converted(LabMeasurement measurement, BigDecimal value, Instant observedAt, String code,
            String sentValue, String sentUnit) {
    }

    /** The measurement a code (a laboratory's local code or a LOINC code in the code table) names, if any. */
    public Optional<LabMeasurement> measurement(String code) {
        return code == null ? Optional.empty() : codes.measurement(code);
    }

    /** The value in the measurement's unit, if {@code unit} is one the code table converts. */
    public Optional<BigDecimal> converted(LabMeasurement measurement, BigDecimal value, String unit) {
        return codes.factor(measurement, unit).map(factor -> ResultMapping.converted(value, factor));
    }

    /**
     * Files results sent as FHIR Observations of a case (the caller's transaction), each with the id of the stored
     * Observation it came from, and records the latest creatinine for dosing.
     */
    public void fileFromFhir(Actor actor, OrganisationId centre, UUID patientId, UUID caseId,
            List<Filed> results, Instant now) {
        List<FiledResult> filed = results.stream().map(r -> new FiledResult(r.result().measurement(),
                r.result().value(), r.result().observedAt(), r.result().code(), r.result().sentValue(),
                r.result().sentUnit())).toList();
        for (int i = 0; i < results.size(); i++) {
            store.insertFhirResult(results.get(i).observationId(), centre, patientId, caseId, filed.get(i), actor, now);
        }
        creatinine.record(actor, patientId, filed);
    }

    /** A converted result and the id of the Observation row it came from. */
    public record Filed(UUID observationId, Converted result) {
    }
}
