package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.shared.ProblemException;

/**
 * One dose of tocilizumab for CRS, by weight, with the numbers of the case's label version or the catalogue's
 * tocilizumab document ({@link TocilizumabParameters}; docs/clinical/tocilizumab.md). For the RoActemra SmPC, section
 * 4.2 "Cytokine release syndrome": under 30 kg 12 mg/kg; 30 kg and over 8 mg/kg; no more than 800 mg a dose. The drop
 * at 30 kg (29.9 kg → 358.8 mg, 30 kg → 240 mg) is the label's. Spacing and the number of doses are not checked here.
 *
 * @param doseMg  the dose, rounded to 0.1 mg
 * @param mgPerKg the weight band's rate
 * @param capped  the cap lowered the dose (a dose exactly at the cap is not capped)
 */
public record TocilizumabDose(BigDecimal doseMg, int mgPerKg, boolean capped) {

    /** Input sanity, not a clinical rule. */
    static final BigDecimal LIGHTEST_KG = new BigDecimal("0.5");
    static final BigDecimal HEAVIEST_KG = new BigDecimal("350");

    public static TocilizumabDose forCrs(BigDecimal weightKg, TocilizumabParameters label) {
        if (weightKg == null) {
            throw ProblemException.invalid("weightKg", "is required");
        }
        if (weightKg.compareTo(LIGHTEST_KG) < 0 || weightKg.compareTo(HEAVIEST_KG) > 0) {
            throw ProblemException.invalid("weightKg", "must be between 0.5 and 350 kg");
        }
        int mgPerKg = (weightKg.compareTo(label.lowerRateFromKg().value()) < 0 ? label.mgPerKgBelowWeight()
                : label.mgPerKg()).intValue();
        BigDecimal dose = weightKg.multiply(BigDecimal.valueOf(mgPerKg)).setScale(1, RoundingMode.HALF_UP);
        boolean capped = dose.compareTo(label.maxDose()) > 0;
        return new TocilizumabDose(plain(capped ? label.maxDose() : dose), mgPerKg, capped);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
