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
        int maxCreatinineAgeDays) {
}
