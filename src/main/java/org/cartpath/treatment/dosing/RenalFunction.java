package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import java.util.Optional;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.RenalFunctionParameters.BandBasis;

/**
 * Which renal function estimate doses fludarabine for a patient of a given age, and its value
 * (docs/clinical/renal-function.md). The age limits and the paediatric estimate are the catalogue's
 * ({@code catalogue/parameters/renal-function.yaml}):
 * <ul>
 *   <li>from {@code adultFromAgeYears} (18) completed years: the Cockcroft–Gault creatinine clearance, in mL/min
 *       (Cockcroft DW, Gault MH, Nephron 1976;16:31–41, derived in adults);</li>
 *   <li>below it: the bedside Schwartz eGFR, in mL/min/1.73 m² (Schwartz GJ et al., J Am Soc Nephrol
 *       2009;20:629–637, derived in children aged 1 to 16); the fludarabine bands are read against it as the
 *       catalogue says ({@link BandBasis}).</li>
 * </ul>
 * A child for whom the catalogue gives only the adult formula, or who is younger than the paediatric estimate was
 * derived in, is not dosed silently: the choice carries why a pharmacist's signed override is needed.
 *
 * @param method        the estimate used
 * @param estimate      its value, in {@link Method#unit()}
 * @param bandValue     the value the fludarabine bands are read against
 * @param bandUnit      the unit of {@code bandValue}
 */
public record RenalFunction(Method method, BigDecimal estimate, BigDecimal bandValue, String bandUnit) {

    public enum Method {
        COCKCROFT_GAULT("Cockcroft–Gault", "CrCl", "mL/min"),
        BEDSIDE_SCHWARTZ_2009("bedside Schwartz (2009)", "eGFR", "mL/min/1.73 m²"),
        /** A child's GFR measured (for example by iohexol or 51Cr-EDTA clearance), given with the plan. */
        MEASURED_GFR("measured GFR", "GFR", "mL/min/1.73 m²");

        private final String label;
        private final String measure;
        private final String unit;

        Method(String label, String measure, String unit) {
            this.label = label;
            this.measure = measure;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        /** What the result is called on a plan: "CrCl" or "eGFR". */
        public String measure() {
            return measure;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * The estimate a patient's age calls for.
     *
     * @param needsOverride why this estimate may only be used with a pharmacist's signed reason; empty when it may be
     *                      used as it is
     */
    public record Choice(Method method, Optional<String> needsOverride) {
    }

    /** The estimate for a patient aged {@code ageYears} completed years (as on the day of the calculation). */
    public static Choice choose(RenalFunctionParameters parameters, int ageYears) {
        int adultFrom = parameters.adultFromAgeYears().intValue();
        if (ageYears >= adultFrom) {
            return new Choice(Method.COCKCROFT_GAULT, Optional.empty());
        }
        if (parameters.paediatricEstimate() == null) {
            return new Choice(Method.COCKCROFT_GAULT, Optional.of("The patient is " + ageYears + " and the catalogue ("
                    + parameters.id() + ") gives only the adult formula, Cockcroft–Gault, which was derived in adults:"
                    + " it may be used for a patient under " + adultFrom + " only with a pharmacist's signed reason"));
        }
        int paediatricFrom = parameters.paediatricEstimateFromAgeYears().intValue();
        if (ageYears < paediatricFrom) {
            return new Choice(Method.BEDSIDE_SCHWARTZ_2009, Optional.of("The patient is " + ageYears + " and the bedside"
                    + " Schwartz equation was derived in children from " + paediatricFrom + " year" + (paediatricFrom == 1
                    ? "" : "s") + " (" + parameters.paediatricEstimateFromAgeYears().source() + "): it may be used"
                    + " only with a pharmacist's signed reason, such as a measured GFR that agrees"));
        }
        return new Choice(Method.BEDSIDE_SCHWARTZ_2009, Optional.empty());
    }

    /** The Cockcroft–Gault clearance: the bands are read against it as it is. */
    public static RenalFunction of(CreatinineClearance clearance) {
        return new RenalFunction(Method.COCKCROFT_GAULT, clearance.mlPerMin(), clearance.mlPerMin(),
                Method.COCKCROFT_GAULT.unit());
    }

    /** The bedside Schwartz eGFR, with the value the bands are read against as the catalogue says. */
    public static RenalFunction of(BedsideSchwartz egfr, BodySurfaceArea bsa, BandBasis basis) {
        return basis == BandBasis.DE_INDEXED_BY_BSA
                ? new RenalFunction(Method.BEDSIDE_SCHWARTZ_2009, egfr.mlPerMinPer173m2(), egfr.deIndexed(bsa), "mL/min")
                : new RenalFunction(Method.BEDSIDE_SCHWARTZ_2009, egfr.mlPerMinPer173m2(), egfr.mlPerMinPer173m2(),
                        Method.BEDSIDE_SCHWARTZ_2009.unit());
    }

    /**
     * A child's measured GFR, in mL/min/1.73 m²: preferred to any estimate, and read by the bands as the catalogue says
     * for the paediatric estimate.
     */
    public static RenalFunction measured(BigDecimal mlPerMinPer173m2, BodySurfaceArea bsa, BandBasis basis) {
        BedsideSchwartz asIndexed = new BedsideSchwartz(mlPerMinPer173m2);
        return basis == BandBasis.DE_INDEXED_BY_BSA
                ? new RenalFunction(Method.MEASURED_GFR, mlPerMinPer173m2, asIndexed.deIndexed(bsa), "mL/min")
                : new RenalFunction(Method.MEASURED_GFR, mlPerMinPer173m2, mlPerMinPer173m2, Method.MEASURED_GFR.unit());
    }

    /** What the bands are read against, as the planner takes it. */
    public CreatinineClearance forBands() {
        return new CreatinineClearance(bandValue);
    }
}
