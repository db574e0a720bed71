package org.cartpath.followup.outcomes;

import java.math.BigDecimal;

/**
 * Radiological response of lymphoma on CT by the Lugano classification (Cheson BD, Fisher RI, Barrington SF, et al.
 * J Clin Oncol 2014;32(27):3059–3068, Table 3), in the order of precedence the cartpath contract fixes
 * (docs/clinical/outcomes-calculators.md): progressive disease (new lesions, or a single lesion meeting the Lugano
 * progression rule, judged by the caller); complete response (every target node's longest transverse diameter
 * ≤ 15 mm and no extralymphatic disease); partial response (the sum of the products of the perpendicular diameters,
 * SPD, of up to six target lesions fallen by ≥ 50 % from baseline); otherwise stable disease.
 */
public final class LuganoCtResponse {

    public enum Category {
        COMPLETE_RESPONSE, PARTIAL_RESPONSE, STABLE_DISEASE, PROGRESSIVE_DISEASE
    }

    static final BigDecimal PR_FRACTION_OF_BASELINE_AT_MOST = new BigDecimal("0.5");

    private LuganoCtResponse() {
    }

    public static Category assess(BigDecimal baselineSpdMm2, BigDecimal currentSpdMm2,
            boolean allTargetNodesLongestDiameterAtMost15Mm, boolean extralymphaticDiseasePresent, boolean newLesions,
            boolean individualLesionProgression) {
        if (baselineSpdMm2.signum() <= 0 || currentSpdMm2.signum() < 0) {
            throw new IllegalArgumentException("the baseline SPD is > 0 and the current SPD ≥ 0");
        }
        if (newLesions || individualLesionProgression) {
            return Category.PROGRESSIVE_DISEASE;
        }
        if (allTargetNodesLongestDiameterAtMost15Mm && !extralymphaticDiseasePresent) {
            return Category.COMPLETE_RESPONSE;
        }
        // a fall of ≥ 50 %: current ≤ 0.5 × baseline, in exact decimal arithmetic so 50 % exactly counts
        if (currentSpdMm2.compareTo(baselineSpdMm2.multiply(PR_FRACTION_OF_BASELINE_AT_MOST)) <= 0) {
            return Category.PARTIAL_RESPONSE;
        }
        return Category.STABLE_DISEASE;
    }
}
