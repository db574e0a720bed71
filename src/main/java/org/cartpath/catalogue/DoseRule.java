package org.cartpath.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How many CAR-positive viable T cells a label doses: by weight bands, each per kilogram or flat, with an
 * optional cap on per-kilogram doses. Plain Java, tested in {@code DoseRangeTest}.
 *
 * @param bands      in ascending order of weight; every band but the last has an upper weight (inclusive),
 *                   the last has none, so that every weight falls in exactly one band
 * @param components the cell components and their ratio, e.g. Breyanzi's CD8 and CD4 at 1:1 (may be empty)
 * @param note       anything the bands cannot say (e.g. a split dose), in words
 */
public record DoseRule(List<DoseBand> bands, List<DoseComponent> components, String source, String note) {

    public DoseRule {
        bands = List.copyOf(bands);
        components = List.copyOf(components);
    }

    /** The band a weight falls in. */
    public DoseBand bandFor(BigDecimal weightKg) {
        for (DoseBand band : bands) {
            if (band.weightAtMostKg() == null || weightKg.compareTo(band.weightAtMostKg().value()) <= 0) {
                return band;
            }
        }
        throw new IllegalStateException("the last dose band must have no upper weight");
    }

    /**
     * The dose range for a patient of this weight: per-kilogram bounds times the weight, each then capped;
     * flat bounds as they are.
     */
    public DoseRange rangeFor(BigDecimal weightKg) {
        DoseBand band = bandFor(weightKg);
        return new DoseRange(band.cells(band.min(), weightKg), band.cells(band.max(), weightKg),
                band.cells(band.target(), weightKg), band.describe(this, weightKg));
    }

    /** A number of cells as a plain whole or decimal number without trailing zeros (4800000, not 4.80E+6). */
    static BigDecimal plain(BigDecimal cells) {
        BigDecimal stripped = cells.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
