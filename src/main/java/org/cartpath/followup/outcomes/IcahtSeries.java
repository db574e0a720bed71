package org.cartpath.followup.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * ICAHT from a patient's recorded ANC series (Rejeski K, Subklewe M, Aljurf M, et al. Blood 2023;142(10):865–877; the
 * counting rules as docs/clinical/outcomes-calculators.md sets them out): the day counts {@link IcahtGrade#early} takes
 * are derived here from the daily ANC of days 0 to +30, and the late grade from the results after day +30.
 *
 * <p>Counting rules: a day counts when its ANC (the lowest of the day) is at or below the threshold (500/µL, and
 * separately 100/µL); days are cumulative over days 0–30, not one run; a recovery of fewer than 3 consecutive days
 * above the threshold between two days at or below it is unstable and its days are counted in as well.
 *
 * <p>Completeness (hazard H-28): the early grade is given only from a complete series, an ANC on every day from day 0
 * to day +30. A missing day is never assumed to be a recovered one: with gaps (or before day +30 is reached) the result
 * names the missing days and gives no grade, only the lowest grade the recorded days already prove ({@code atLeast},
 * computed as if every missing day were above both thresholds, which can only lower the counts). Negative counts are
 * refused ({@link IllegalArgumentException}).
 */
public final class IcahtSeries {

    /** The last day of the early phase. */
    public static final int EARLY_LAST_DAY = 30;
    /** A recovery above the threshold lasting fewer days than this, between two dips, is unstable (counted in). */
    public static final int STABLE_RECOVERY_DAYS = 3;

    static final double SEVERE = 500;
    static final double PROFOUND = 100;

    /**
     * The early phase: {@code grade} when the series is complete (else {@code null}), the lowest grade proven so far,
     * the counts, and the days of 0–30 without an ANC.
     */
    public record Early(Integer grade, int atLeast, int daysAtOrBelow500, int daysAtOrBelow100,
            boolean neverAbove500, List<Integer> missingDays) {

        public boolean complete() {
            return missingDays.isEmpty();
        }
    }

    /** The late phase: the grade (null without any result after day +30) and how many results it read. */
    public record Late(Integer grade, int results) {
    }

    private IcahtSeries() {
    }

    /**
     * Early ICAHT from the ANC in cells/µL by day after infusion; days outside 0–30 are ignored, several results on a
     * day count as the lowest of them (the caller passes one value per day).
     */
    public static Early early(Map<Integer, Double> ancByDay) {
        NavigableMap<Integer, Double> days = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : ancByDay.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || e.getValue().isNaN()) {
                throw new IllegalArgumentException("ANC on day " + e.getKey() + " must be a count of 0 or more");
            }
            if (e.getKey() >= 0 && e.getKey() <= EARLY_LAST_DAY) {
                days.merge(e.getKey(), e.getValue(), Math::min);
            }
        }
        List<Integer> missing = new ArrayList<>();
        Boolean[] low500 = new Boolean[EARLY_LAST_DAY + 1];
        Boolean[] low100 = new Boolean[EARLY_LAST_DAY + 1];
        for (int d = 0; d <= EARLY_LAST_DAY; d++) {
            Double anc = days.get(d);
            if (anc == null) {
                missing.add(d);
                // as if above both thresholds: the counts can then only be lower than the truth
                low500[d] = false;
                low100[d] = false;
            } else {
                low500[d] = anc <= SEVERE;
                low100[d] = anc <= PROFOUND;
            }
        }
        int days500 = countWithUnstableRecovery(low500);
        int days100 = countWithUnstableRecovery(low100);
        boolean neverAbove = missing.isEmpty() && days.values().stream().allMatch(anc -> anc <= SEVERE);
        int atLeast = IcahtGrade.early(days500, days100, neverAbove);
        return new Early(missing.isEmpty() ? atLeast : null, atLeast, days500, days100, neverAbove,
                List.copyOf(missing));
    }

    /** Late ICAHT from the ANC results (cells/µL) after day +30; {@code null} grade without any result. */
    public static Late late(List<Double> ancAfterDay30) {
        for (Double anc : ancAfterDay30) {
            if (anc == null || anc < 0 || anc.isNaN()) {
                throw new IllegalArgumentException("an ANC must be a count of 0 or more");
            }
        }
        return new Late(ancAfterDay30.isEmpty() ? null : IcahtGrade.late(ancAfterDay30), ancAfterDay30.size());
    }

    /**
     * Days at or below the threshold, with each run of fewer than {@link #STABLE_RECOVERY_DAYS} days above it that
     * lies between two days at or below it counted in (unstable recovery).
     */
    static int countWithUnstableRecovery(Boolean[] low) {
        int count = 0;
        int lastLow = -1;
        for (int d = 0; d < low.length; d++) {
            if (low[d]) {
                int gap = lastLow < 0 ? 0 : d - lastLow - 1;
                if (gap > 0 && gap < STABLE_RECOVERY_DAYS) {
                    count += gap;
                }
                count++;
                lastLow = d;
            }
        }
        return count;
    }
}
