package org.cartpath.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A laboratory result filed for a case by an interface (HL7 v2 ORU^R01 or a FHIR Observation; ADR 0024, 0030), in
 * cartpath's unit of its measurement. Published by {@code interop} in the filing's transaction; {@code followup} adds
 * the counts an infused case's follow-up uses (ADR 0035) through the event publication registry. It lives here, with
 * the other events two modules share without depending on each other, so that neither interop nor follow-up depends
 * on the other. It carries ids, codes and values, never the patient's identity (ADR 0022).
 *
 * @param resultId       the filed result's id (unique: a reaction handed it twice writes once)
 * @param caseId         the case it was filed for
 * @param organisationId the treating centre it was filed at
 * @param measurement    the measurement's code: {@code ANC}, {@code PLATELETS}, {@code HAEMOGLOBIN}, {@code IGG},
 *                       {@code CD19_B_CELLS} or another interop files
 * @param value          the value in {@code unit}
 * @param unit           cartpath's unit of the measurement
 * @param observedAt     when the specimen was taken
 * @param source         where it came from, in words (the sending system and message, or the FHIR Observation)
 */
public record LabResultFiled(UUID resultId, UUID caseId, UUID organisationId, String measurement, BigDecimal value,
        String unit, Instant observedAt, String source) {
}
