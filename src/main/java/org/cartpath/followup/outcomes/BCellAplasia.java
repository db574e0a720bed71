package org.cartpath.followup.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * B-cell aplasia after CD19-directed CAR-T, from the CD19+ B-cell counts of the blood (docs/clinical/follow-up.md,
 * ADR 0035). B-cell aplasia is the functional sign that CD19 CAR-T cells persist; its loss is a warning of CD19-positive
 * relapse (Maude SL, et al. N Engl J Med 2018;378:439–448; Pulsipher MA, et al. Blood Cancer Discov 2022;3:66–81).
 *
 * <p>Published definitions differ (a share of lymphocytes, e.g. &lt; 1 % or &lt; 3 % CD19+, or an absolute count), so
 * the threshold is a setting, {@code cartpath.followup.b-cell-aplasia-below-cells-per-microlitre}, in the absolute
 * count cartpath records. Its default, 100 CD19+ cells/µL, is the absolute criterion of loss of B-cell aplasia used for
 * tisagenlecleucel at Cincinnati Children's ("&gt; 1 % CD19+ or 100 absolute CD19+ cells on peripheral analysis,
 * confirmed on a subsequent sample"; retrospective series of repeat infusions, 2018–2021). The rules:
 * <ul>
 * <li>a count below the threshold is B-cell aplasia; a count at or above it is B cells present;</li>
 * <li>aplasia is <em>lost</em> when, after a count in aplasia, two consecutive counts are at or above the threshold
 * (confirmed on a subsequent sample); the date of loss is the first of them. One such count is a loss not yet
 * confirmed, flagged all the same;</li>
 * <li>the date aplasia was last confirmed is the date of the latest count below the threshold.</li>
 * </ul>
 * Several counts on one date count as the highest of them (the one that would show B cells returning).
 */
public final class BCellAplasia {

    /** What the series shows. */
    public enum Status {
        NOT_MEASURED("No CD19+ B-cell count recorded"),
        IN_APLASIA("B-cell aplasia"),
        LOSS_NOT_CONFIRMED("B cells detected after aplasia: not yet confirmed by a second count"),
        LOST("B-cell aplasia lost"),
        NEVER_IN_APLASIA("B cells present: no aplasia recorded");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One count: its date and the CD19+ B cells per µL. */
    public record Count(LocalDate on, BigDecimal cellsPerMicrolitre) {
    }

    /**
     * The assessment: the status, the threshold used, the date aplasia was last confirmed (latest count below it),
     * the date it was lost (the first of two consecutive counts at or above it after aplasia; null unless lost) and
     * whether the case is flagged (aplasia lost or a loss not yet confirmed: a relapse-risk signal).
     */
    public record Assessment(Status status, BigDecimal thresholdCellsPerMicrolitre, LocalDate lastConfirmedOn,
            LocalDate lostOn, LocalDate latestOn) {

        public boolean flagged() {
            return status == Status.LOST || status == Status.LOSS_NOT_CONFIRMED;
        }

        public String statusLabel() {
            return status.label();
        }
    }

    private BCellAplasia() {
    }

    public static Assessment assess(List<Count> counts, BigDecimal belowCellsPerMicrolitre) {
        if (belowCellsPerMicrolitre == null || belowCellsPerMicrolitre.signum() <= 0) {
            throw new IllegalArgumentException("the B-cell aplasia threshold must be above 0 cells/µL");
        }
        List<Count> byDate = counts.stream().filter(c -> c.cellsPerMicrolitre() != null)
                .sorted(Comparator.comparing(Count::on)).toList();
        // several counts on one date: the highest
        java.util.TreeMap<LocalDate, BigDecimal> daily = new java.util.TreeMap<>();
        byDate.forEach(c -> daily.merge(c.on(), c.cellsPerMicrolitre(), BigDecimal::max));
        if (daily.isEmpty()) {
            return new Assessment(Status.NOT_MEASURED, belowCellsPerMicrolitre, null, null, null);
        }
        LocalDate lastAplasia = null;
        LocalDate lostOn = null;
        LocalDate firstPresentAfterAplasia = null;
        int presentInARow = 0;
        for (var day : daily.entrySet()) {
            boolean aplasia = day.getValue().compareTo(belowCellsPerMicrolitre) < 0;
            if (aplasia) {
                lastAplasia = day.getKey();
                lostOn = null;
                firstPresentAfterAplasia = null;
                presentInARow = 0;
            } else if (lastAplasia != null) {
                presentInARow++;
                if (presentInARow == 1) {
                    firstPresentAfterAplasia = day.getKey();
                }
                if (presentInARow == 2) {
                    lostOn = firstPresentAfterAplasia;
                }
            }
        }
        LocalDate latest = daily.lastKey();
        Status status;
        if (lastAplasia == null) {
            status = Status.NEVER_IN_APLASIA;
        } else if (lastAplasia.equals(latest)) {
            status = Status.IN_APLASIA;
        } else if (lostOn != null) {
            status = Status.LOST;
        } else {
            status = Status.LOSS_NOT_CONFIRMED;
        }
        return new Assessment(status, belowCellsPerMicrolitre, lastAplasia, lostOn, latest);
    }
}
