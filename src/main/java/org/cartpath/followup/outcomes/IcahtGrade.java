package org.cartpath.followup.outcomes;

import java.util.List;

/**
 * Neutropenia grade of immune effector cell-associated haematotoxicity (ICAHT), grade 0 (none) to 4, by the EHA/EBMT
 * consensus (Rejeski K, Subklewe M, Aljurf M, et al. Immune effector cell-associated hematotoxicity: EHA/EBMT
 * consensus grading and best practice recommendations. Blood 2023;142(10):865–877, the ICAHT grading table). Day 0 is
 * the infusion. The table, read as docs/clinical/outcomes-calculators.md sets out:
 *
 * <pre>
 *                              grade 1     grade 2     grade 3     grade 4
 * early (day 0 to +30)
 *   days with ANC ≤ 500/µL     1–6         7–13        14–30       never above 500/µL (31 days)
 *   days with ANC ≤ 100/µL     –           –           7–13        ≥ 14
 * late (after day +30)
 *   ANC (two or more tests)    ≤ 1500/µL   ≤ 1000/µL   ≤ 500/µL    ≤ 100/µL
 * </pre>
 *
 * The highest grade any criterion meets wins. The day counts are cumulative, with days of unstable recovery (fewer
 * than 3 days) between two dips counted in; the caller derives them from the daily counts.
 */
public final class IcahtGrade {

    /** Late ICAHT thresholds in cells/µL, for grades 1 to 4 (all "at or below"). */
    static final double[] LATE_THRESHOLDS = {1500, 1000, 500, 100};

    /** A late grade counts only when at least this many results are at or below its threshold. */
    static final int LATE_TESTS_NEEDED = 2;

    private IcahtGrade() {
    }

    /**
     * Early ICAHT (day 0 to +30) from the days with ANC ≤ 500/µL and ≤ 100/µL (each 0–31, the second no larger than
     * the first) and whether the ANC never rose above 500/µL in that time.
     */
    public static int early(int daysAtOrBelow500, int daysAtOrBelow100, boolean neverAbove500) {
        if (daysAtOrBelow500 < 0 || daysAtOrBelow500 > 31 || daysAtOrBelow100 < 0 || daysAtOrBelow100 > 31) {
            throw new IllegalArgumentException("day counts lie between 0 and 31");
        }
        if (daysAtOrBelow100 > daysAtOrBelow500) {
            throw new IllegalArgumentException("a day with ANC ≤ 100/µL is also a day with ANC ≤ 500/µL");
        }
        if (neverAbove500 && daysAtOrBelow500 == 0) {
            throw new IllegalArgumentException("an ANC never above 500/µL means days at or below 500/µL");
        }
        // all 31 days of days 0–30 at or below 500/µL (unstable recovery counted in) is above the 14–30 day cell
        if (neverAbove500 || daysAtOrBelow500 >= 31 || daysAtOrBelow100 >= 14) {
            return 4;
        }
        if (daysAtOrBelow500 >= 14 || daysAtOrBelow100 >= 7) {
            return 3;
        }
        if (daysAtOrBelow500 >= 7) {
            return 2;
        }
        return daysAtOrBelow500 >= 1 ? 1 : 0;
    }

    /** Late ICAHT (after day +30) from the ANC results of the period graded, in cells/µL (each ≥ 0). */
    public static int late(List<Double> ancPerMicrolitre) {
        if (ancPerMicrolitre.isEmpty()) {
            throw new IllegalArgumentException("at least one ANC result is needed");
        }
        int grade = 0;
        for (int g = 1; g <= LATE_THRESHOLDS.length; g++) {
            double threshold = LATE_THRESHOLDS[g - 1];
            long atOrBelow = ancPerMicrolitre.stream().filter(anc -> anc <= threshold).count();
            if (atOrBelow >= LATE_TESTS_NEEDED) {
                grade = g;
            }
        }
        return grade;
    }
}
