package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;

/**
 * How a centre rounds daily doses (a pharmacy setting, ADR 0017: daily doses rounded per a
 * configurable rule): to the nearest multiple of an increment per drug, half up. The default rounds to
 * whole milligrams.
 */
public record DoseRounding(Map<Drug, BigDecimal> incrementsMg) {

    public static final DoseRounding WHOLE_MILLIGRAMS = new DoseRounding(Map.of());

    public DoseRounding {
        incrementsMg = Map.copyOf(incrementsMg);
    }

    public BigDecimal round(Drug drug, BigDecimal mg) {
        BigDecimal increment = incrementsMg.getOrDefault(drug, BigDecimal.ONE);
        BigDecimal rounded = mg.divide(increment, 0, RoundingMode.HALF_UP).multiply(increment).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded; // 900, not 9E+2
    }
}
