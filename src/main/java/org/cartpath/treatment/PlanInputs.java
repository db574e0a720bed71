package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;

/**
 * What a lymphodepletion plan was calculated from, kept with it: the patient's measurements with their dates, the
 * pharmacy's rules and their versions, and the day of the calculation.
 *
 * @param creatinineMicromolPerLitre null when the regimen has no fludarabine
 * @param renalTableVersion          0 for cartpath's default table
 * @param dosingRulesVersion         0 for cartpath's default rules
 * @param renalMethod                how renal function was estimated for fludarabine ({@code COCKCROFT_GAULT} or
 *                                   {@code BEDSIDE_SCHWARTZ_2009}); null without fludarabine, and in plans made
 *                                   before children were dosed by a paediatric estimate (always Cockcroft–Gault)
 * @param renalEstimate              the estimate, in {@code renalEstimateUnit}
 * @param renalBandUnit              the unit of the value the bands were read against
 * @param renalParametersId          the catalogue's renal function document the choice was made by
 * @param renalOverrideReason        the pharmacist's signed reason, when the estimate needed one
 * @param renalOverrideSignatureId   that signature
 * @param measuredGfrOn              the day a measured GFR was measured, when the plan used one
 */
public record PlanInputs(
        LocalDate calculatedOn,
        BigDecimal weightKg,
        LocalDate weighedOn,
        BigDecimal heightCm,
        LocalDate heightMeasuredOn,
        BigDecimal creatinineMicromolPerLitre,
        LocalDate creatinineTestedOn,
        Integer ageYears,
        String sex,
        String bsaFormula,
        Map<Drug, BigDecimal> roundingIncrementsMg,
        String renalTableId,
        String renalTableName,
        int renalTableVersion,
        int dosingRulesVersion,
        int maxMeasurementAgeDays,
        int maxCreatinineAgeDays,
        String renalMethod,
        BigDecimal renalEstimate,
        String renalEstimateUnit,
        String renalBandUnit,
        String renalParametersId,
        String renalOverrideReason,
        java.util.UUID renalOverrideSignatureId,
        LocalDate measuredGfrOn) {

    /** The same inputs with the renal estimate used. */
    PlanInputs withRenal(String method, BigDecimal estimate, String estimateUnit, String bandUnit, String parametersId,
            LocalDate measuredOn) {
        return new PlanInputs(calculatedOn, weightKg, weighedOn, heightCm, heightMeasuredOn, creatinineMicromolPerLitre,
                creatinineTestedOn, ageYears, sex, bsaFormula, roundingIncrementsMg, renalTableId, renalTableName,
                renalTableVersion, dosingRulesVersion, maxMeasurementAgeDays, maxCreatinineAgeDays, method, estimate,
                estimateUnit, bandUnit, parametersId, renalOverrideReason, renalOverrideSignatureId, measuredOn);
    }

    /** The same inputs with the pharmacist's signed reason for the renal estimate. */
    PlanInputs withRenalOverride(String reason, java.util.UUID signatureId) {
        return new PlanInputs(calculatedOn, weightKg, weighedOn, heightCm, heightMeasuredOn, creatinineMicromolPerLitre,
                creatinineTestedOn, ageYears, sex, bsaFormula, roundingIncrementsMg, renalTableId, renalTableName,
                renalTableVersion, dosingRulesVersion, maxMeasurementAgeDays, maxCreatinineAgeDays, renalMethod,
                renalEstimate, renalEstimateUnit, renalBandUnit, renalParametersId, reason, signatureId, measuredGfrOn);
    }
}
