package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.util.List;

/**
 * A pharmacy's fludarabine renal adjustment protocol: bands of creatinine clearance with the share of the
 * dose given (docs/clinical/renal-function.md: "make the band table a pharmacy-owned protocol and record which one was
 * applied"). A band without a percentage means: do not give fludarabine.
 *
 * @param bands in any order; together they must cover every clearance from 0 up
 */
public record RenalBandTable(String id, String name, String source, List<RenalBand> bands) {

    /**
     * One band: clearance from {@code fromMlPerMin} (inclusive) to {@code belowMlPerMin} (exclusive; null = no
     * upper bound), giving {@code percentOfDose} percent of the planned dose (null = withhold).
     */
    public record RenalBand(BigDecimal fromMlPerMin, BigDecimal belowMlPerMin, BigDecimal percentOfDose) {

        public boolean contains(BigDecimal mlPerMin) {
            return mlPerMin.compareTo(fromMlPerMin) >= 0 && (belowMlPerMin == null || mlPerMin.compareTo(belowMlPerMin) < 0);
        }

        /** The band as a pharmacist reads it, for a creatinine clearance: "CrCl 50 to under 80 mL/min: 80% of the dose". */
        public String describe() {
            return describe("CrCl", "mL/min");
        }

        /**
         * The band for a named measure in its unit. Bounds print as written, never in exponent form and without
         * trailing zeros (29.5, not 2.95E+1 or 29.50), and the upper bound is exclusive as the band is: "50 to under
         * 80", so that a clearance of 79.5 is visibly in the band (not "50–79").
         */
        public String describe(String measure, String unit) {
            String range = belowMlPerMin == null ? plain(fromMlPerMin) + " or more"
                    : plain(fromMlPerMin) + " to under " + plain(belowMlPerMin);
            return measure + " " + range + " " + unit + ": " + (percentOfDose == null ? "do not give"
                    : plain(percentOfDose) + "% of the dose");
        }

        private static String plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
    }

    public RenalBandTable {
        bands = List.copyOf(bands);
    }

    /**
     * The default protocol, from the US Fludara label (docs/clinical/renal-function.md): CrCl 50 to under 80 mL/min
     * → 20 of 25 mg/m² (80%), 30–49 → 15 of 25 (60%), under 30 → do not give; 80 and over the full dose.
     * A centre's pharmacy replaces it with its own, versioned protocol.
     */
    public static final RenalBandTable US_FLUDARA = new RenalBandTable("US-FLUDARA-DEFAULT",
            "Fludarabine renal adjustment (US Fludara label)",
            "Fludarabine phosphate injection US prescribing information: dosage adjustment in renal impairment",
            List.of(new RenalBand(new BigDecimal("80"), null, new BigDecimal("100")),
                    new RenalBand(new BigDecimal("50"), new BigDecimal("80"), new BigDecimal("80")),
                    new RenalBand(new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("60")),
                    new RenalBand(BigDecimal.ZERO, new BigDecimal("30"), null)));

    public RenalBand bandFor(BigDecimal mlPerMin) {
        return bands.stream().filter(band -> band.contains(mlPerMin)).findFirst()
                .orElseThrow(() -> new IllegalStateException("renal table " + id + " does not cover " + mlPerMin));
    }
}
