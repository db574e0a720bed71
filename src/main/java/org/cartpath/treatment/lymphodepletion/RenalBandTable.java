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

        public String describe() {
            String range = belowMlPerMin == null ? "≥ " + fromMlPerMin.toPlainString()
                    : fromMlPerMin.toPlainString() + "–" + belowMlPerMin.subtract(BigDecimal.ONE).toPlainString();
            return "CrCl " + range + " mL/min: " + (percentOfDose == null ? "do not give"
                    : percentOfDose.stripTrailingZeros().toPlainString() + "% of the dose");
        }
    }

    public RenalBandTable {
        bands = List.copyOf(bands);
    }

    /**
     * The default protocol, from the US Fludara label (docs/clinical/renal-function.md): CrCl 50–79 mL/min
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
