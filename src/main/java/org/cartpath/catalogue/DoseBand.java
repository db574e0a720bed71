package org.cartpath.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The dose for patients up to a weight. For {@link Basis#PER_KG} bands min, max and target are cells per
 * kilogram and {@code capCells} (if any) caps every bound; for {@link Basis#FLAT} bands they are cells.
 *
 * @param weightAtMostKg the heaviest weight in this band (inclusive); null for the last band
 */
public record DoseBand(
        Basis basis,
        SourcedNumber weightAtMostKg,
        SourcedNumber min,
        SourcedNumber max,
        SourcedNumber target,
        SourcedNumber capCells) {

    public enum Basis { PER_KG, FLAT }

    BigDecimal cells(SourcedNumber bound, BigDecimal weightKg) {
        if (bound == null || !bound.present()) {
            return null;
        }
        BigDecimal cells = basis == Basis.PER_KG ? bound.value().multiply(weightKg) : bound.value();
        if (capCells != null && capCells.present() && cells.compareTo(capCells.value()) > 0) {
            cells = capCells.value();
        }
        return DoseRule.plain(cells);
    }

    String describe(DoseRule rule, BigDecimal weightKg) {
        String unit = basis == Basis.PER_KG ? " cells/kg" : " cells";
        List<String> parts = new ArrayList<>();
        if (weightAtMostKg != null) {
            parts.add("weight up to " + weightAtMostKg.value().toPlainString() + " kg");
        } else if (rule.bands().size() > 1) {
            parts.add("weight above " + rule.bands().get(rule.bands().size() - 2).weightAtMostKg().value()
                    .toPlainString() + " kg");
        }
        if (present(min) || present(max)) {
            parts.add((present(min) ? scientific(min.value()) : "?") + " to "
                    + (present(max) ? scientific(max.value()) : "?") + unit);
        }
        if (present(target)) {
            parts.add("target " + scientific(target.value()) + unit);
        }
        if (present(capCells)) {
            parts.add("at most " + scientific(capCells.value()) + " cells in all");
        }
        parts.add("CAR-positive viable T cells");
        List<String> sources = new ArrayList<>();
        for (SourcedNumber n : new SourcedNumber[] {min, max, target, capCells}) {
            if (present(n) && !sources.contains(n.source())) {
                sources.add(n.source());
            }
        }
        return String.join(", ", parts) + " (" + String.join("; ", sources.isEmpty() ? List.of(rule.source()) : sources)
                + "); weight " + weightKg.stripTrailingZeros().toPlainString() + " kg";
    }

    private static boolean present(SourcedNumber n) {
        return n != null && n.present();
    }

    /** 4800000 as "4.8 × 10^6": how labels write cell counts. */
    static String scientific(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        BigDecimal mantissa = v.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + " × 10^" + exponent;
    }
}
