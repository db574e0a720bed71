package org.cartpath.followup.outcomes;

import java.math.BigDecimal;

/**
 * Bone-marrow response of B-cell acute lymphoblastic leukaemia after CAR-T, as defined for the ELIANA trial of
 * tisagenlecleucel (Maude SL, Laetsch TW, Buechner J, et al. Tisagenlecleucel in children and young adults with
 * B-cell lymphoblastic leukemia. N Engl J Med 2018;378(5):439–448, supplementary appendix) and the conventional
 * M1 (&lt; 5 %), M2 (5–25 %) and M3 (&gt; 25 %) marrow grades of childhood ALL trials, as the cartpath contract fixes
 * them: complete remission (CR) is &lt; 5 % marrow blasts, no circulating blasts, no
 * extramedullary disease and recovered counts (ANC &gt; 1000/µL, platelets &gt; 100 000/µL); the same without
 * recovered counts is CR with incomplete count recovery (CRi). Flow MRD below 0.01 % of mononuclear cells is
 * MRD-negative. See docs/clinical/outcomes-calculators.md.
 */
public final class BAllResponse {

    public enum Category {
        COMPLETE_REMISSION, COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY, NO_REMISSION
    }

    public enum MarrowStatus {
        /** &lt; 5 % blasts. */
        M1,
        /** 5–25 % blasts, both ends included. */
        M2,
        /** &gt; 25 % blasts. */
        M3
    }

    /** The category, the marrow status, and MRD negativity ({@code null} when no MRD result was given). */
    public record Assessment(Category category, MarrowStatus marrowStatus, Boolean mrdNegative) {
    }

    static final BigDecimal CR_BLASTS_BELOW = new BigDecimal("5");
    static final BigDecimal M2_BLASTS_UP_TO = new BigDecimal("25");
    static final BigDecimal ANC_RECOVERED_ABOVE = new BigDecimal("1000");
    static final BigDecimal PLATELETS_RECOVERED_ABOVE = new BigDecimal("100000");
    static final BigDecimal MRD_NEGATIVE_BELOW = new BigDecimal("0.01");

    private BAllResponse() {
    }

    public static Assessment assess(BigDecimal marrowBlastsPercent, boolean circulatingBlasts,
            boolean extramedullaryDisease, BigDecimal ancPerMicrolitre, BigDecimal plateletsPerMicrolitre,
            BigDecimal mrdPercent) {
        MarrowStatus marrow = marrowBlastsPercent.compareTo(CR_BLASTS_BELOW) < 0 ? MarrowStatus.M1
                : marrowBlastsPercent.compareTo(M2_BLASTS_UP_TO) <= 0 ? MarrowStatus.M2 : MarrowStatus.M3;
        boolean remission = marrow == MarrowStatus.M1 && !circulatingBlasts && !extramedullaryDisease;
        boolean countsRecovered = ancPerMicrolitre.compareTo(ANC_RECOVERED_ABOVE) > 0
                && plateletsPerMicrolitre.compareTo(PLATELETS_RECOVERED_ABOVE) > 0;
        Category category = !remission ? Category.NO_REMISSION
                : countsRecovered ? Category.COMPLETE_REMISSION
                : Category.COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY;
        Boolean mrdNegative = mrdPercent == null ? null : mrdPercent.compareTo(MRD_NEGATIVE_BELOW) < 0;
        return new Assessment(category, marrow, mrdNegative);
    }
}
