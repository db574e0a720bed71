package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A child's estimated glomerular filtration rate by the bedside Schwartz equation: Schwartz GJ, Muñoz A, Schneider MF
 * et al., "New equations to estimate GFR in children with CKD", J Am Soc Nephrol 2009;20:629–637:
 * eGFR (mL/min/1.73 m²) = k × height (cm) / serum creatinine, with k = 0.413 for creatinine in mg/dL, or
 * 0.413 × 88.4 = 36.5 for creatinine in µmol/L. The constant is the catalogue's
 * ({@code catalogue/parameters/renal-function.yaml}; docs/clinical/renal-function.md). Rounded to 0.1 (half up).
 *
 * <p>The result is indexed to 1.73 m² of body surface area, unlike the Cockcroft–Gault clearance (mL/min).
 */
public record BedsideSchwartz(BigDecimal mlPerMinPer173m2) {

    private static final BigDecimal STANDARD_BSA_M2 = new BigDecimal("1.73");

    /**
     * @param constant k for the unit of {@code creatinine}: 0.413 (mg/dL) or 36.5 (µmol/L)
     */
    public static BedsideSchwartz estimate(BigDecimal heightCm, SerumCreatinine creatinine, BigDecimal constant) {
        MeasurementLimits.heightCm(heightCm);
        if (creatinine == null) {
            throw org.cartpath.shared.ProblemException.invalid(SerumCreatinine.Unit.UMOL_PER_L.field(), "is required");
        }
        if (constant == null || constant.signum() <= 0) {
            throw new IllegalArgumentException("the Schwartz constant must be more than 0");
        }
        BigDecimal egfr = constant.multiply(heightCm).divide(creatinine.value(), MathContext.DECIMAL64);
        return new BedsideSchwartz(egfr.setScale(1, RoundingMode.HALF_UP));
    }

    /** The estimate de-indexed to the child's own size, in mL/min: eGFR × BSA / 1.73, rounded to 0.1. */
    public BigDecimal deIndexed(BodySurfaceArea bsa) {
        return mlPerMinPer173m2.multiply(bsa.squareMetres()).divide(STANDARD_BSA_M2, 1, RoundingMode.HALF_UP);
    }
}
