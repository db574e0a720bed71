package org.cartpath.reporting.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One patient of a SACT month as cartpath holds them: identity, the treating centre, the CAR-T regimen (the
 * lymphodepletion drugs and the cells) and its administrations on record (docs/reporting/sact-export.md).
 *
 * @param pseudonym        the patient's pseudonym for the export's purpose (used instead of identity when
 *                         pseudonymised)
 * @param providerOds      the treating centre's ODS code, or null when none is recorded
 * @param productInn       the product's international non-proprietary name (the drug name of the cells)
 * @param approvedOn       the national panel's approval (the decision to treat), or null
 * @param weightKg         the latest weight on or before the regimen's start, or null
 * @param dayZero          the day of the CAR-T infusion
 * @param administrations  every administration of the regimen on record (any month), GIVEN or MODIFIED
 */
record SactPatient(UUID caseId, String caseReference, UUID patientId, String pseudonym, String nhsNumber,
        String localPatientId, LocalDate birthDate, String familyName, String givenName, String sex, String postcode,
        String providerOds, String indication, String productInn, LocalDate approvedOn, BigDecimal weightKg,
        LocalDate dayZero, List<Administration> administrations) {

    /**
     * One administration of a drug of the regimen.
     *
     * @param drug   the drug's name as SACT writes it (FLUDARABINE, CYCLOPHOSPHAMIDE, BENDAMUSTINE, or the cells' INN)
     * @param cells  whether it is the CAR-T cells (dose in cells, not mg)
     * @param doseMg the dose given in mg, null for the cells
     */
    record Administration(String drug, boolean cells, OffsetDateTime at, BigDecimal doseMg) {
    }
}
