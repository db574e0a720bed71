package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.cartpath.shared.ProblemException;

/**
 * Creatinine clearance by Cockcroft DW, Gault MH, "Prediction of creatinine clearance from serum creatinine",
 * Nephron 1976;16(1):31–41, in mL/min, rounded to 0.1 (half up):
 * <ul>
 *   <li>creatinine in mg/dL: (140 − age) × weight / (72 × creatinine), × 0.85 if female;</li>
 *   <li>creatinine in µmol/L: (140 − age) × weight × 1.23 (male) or 1.04 (female) / creatinine — the SI form
 *       used in UK practice (1.23 ≈ 88.4 / 72; 1.04 ≈ 1.23 × 0.85).</li>
 * </ul>
 * The weight is the one given: whether a centre uses actual, ideal or adjusted body weight is its protocol's
 * choice. The equation was derived in adults: lymphodepletion plans use it from 18 and the bedside Schwartz eGFR
 * ({@link BedsideSchwartz}) below, as {@link RenalFunction} chooses (docs/clinical/renal-function.md).
 */
public record CreatinineClearance(BigDecimal mlPerMin) {

    private static final BigDecimal MG_PER_DL_DIVISOR = new BigDecimal("72");
    private static final BigDecimal FEMALE_FACTOR = new BigDecimal("0.85");
    private static final BigDecimal UMOL_MALE_FACTOR = new BigDecimal("1.23");
    private static final BigDecimal UMOL_FEMALE_FACTOR = new BigDecimal("1.04");

    public static CreatinineClearance cockcroftGault(int ageYears, BigDecimal weightKg, Sex sex,
            SerumCreatinine creatinine) {
        MeasurementLimits.ageYears(ageYears);
        MeasurementLimits.weightKg(weightKg);
        if (sex == null) {
            throw ProblemException.invalid("sex", "is required");
        }
        if (creatinine == null) {
            throw ProblemException.invalid(SerumCreatinine.Unit.MG_PER_DL.field(), "is required");
        }
        BigDecimal numerator = BigDecimal.valueOf(140L - ageYears).multiply(weightKg);
        BigDecimal clearance = switch (creatinine.unit()) {
            case MG_PER_DL -> {
                BigDecimal male = numerator.divide(MG_PER_DL_DIVISOR.multiply(creatinine.value()), MathContext.DECIMAL64);
                yield sex == Sex.FEMALE ? male.multiply(FEMALE_FACTOR) : male;
            }
            case UMOL_PER_L -> numerator.multiply(sex == Sex.FEMALE ? UMOL_FEMALE_FACTOR : UMOL_MALE_FACTOR)
                    .divide(creatinine.value(), MathContext.DECIMAL64);
        };
        return new CreatinineClearance(clearance.setScale(1, RoundingMode.HALF_UP));
    }
}
