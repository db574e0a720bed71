package org.cartpath.interop.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An Observation a ward or laboratory system sent in a transaction Bundle (V206, ADR 0030): a vital sign
 * ({@code measurement} a {@link Measure} name) or a laboratory result ({@code measurement} a
 * {@code interop.hl7.LabMeasurement} name), in cartpath's unit, with the sender's identifier.
 */
record SentObservation(UUID id, UUID organisationId, String identifierSystem, String identifierValue, UUID patientId,
        UUID caseId, Kind kind, String code, String measurement, BigDecimal value, BigDecimal secondValue, String unit,
        Instant observedAt, String sentValue, String sentUnit, Instant submittedAt) {

    enum Kind { VITAL, LAB }

    /** Its FHIR id: {@code sent-<uuid>}. */
    String fhirId() {
        return PREFIX + id;
    }

    static final String PREFIX = "sent-";
}
