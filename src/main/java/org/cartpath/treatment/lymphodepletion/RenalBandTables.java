package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;

/**
 * The checks a pharmacy's renal band table must pass before it is used for dosing: every clearance from 0 mL/min
 * up falls in exactly one band (no gap, no overlap, the last band open-ended), and each band gives a share of the
 * dose above 0 and at most 100%, or withholds the drug.
 */
public final class RenalBandTables {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private RenalBandTables() {
    }

    /** Every problem of the bands, each named by its field (e.g. {@code bands[1].belowMlPerMin}); empty when none. */
    public static List<FieldProblem> problemsIn(List<RenalBand> bands) {
        List<FieldProblem> problems = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            problems.add(new FieldProblem("bands", "give at least one band"));
            return problems;
        }
        if (bands.size() > 20) {
            problems.add(new FieldProblem("bands", "at most 20 bands"));
            return problems;
        }
        for (int i = 0; i < bands.size(); i++) {
            RenalBand band = bands.get(i);
            String at = "bands[" + i + "].";
            if (band == null) {
                problems.add(new FieldProblem("bands[" + i + "]", "is required"));
                continue;
            }
            if (band.fromMlPerMin() == null || band.fromMlPerMin().signum() < 0) {
                problems.add(new FieldProblem(at + "fromMlPerMin", "is required and must be 0 or more"));
            }
            if (band.belowMlPerMin() != null && band.fromMlPerMin() != null
                    && band.belowMlPerMin().compareTo(band.fromMlPerMin()) <= 0) {
                problems.add(new FieldProblem(at + "belowMlPerMin", "must be more than fromMlPerMin"));
            }
            if (band.percentOfDose() != null && (band.percentOfDose().signum() <= 0
                    || band.percentOfDose().compareTo(HUNDRED) > 0)) {
                problems.add(new FieldProblem(at + "percentOfDose", "must be more than 0 and at most 100, or empty to withhold"));
            }
        }
        if (problems.isEmpty()) {
            coverage(bands, problems);
        }
        return problems;
    }

    private static void coverage(List<RenalBand> bands, List<FieldProblem> problems) {
        List<RenalBand> sorted = bands.stream().sorted(Comparator.comparing(RenalBand::fromMlPerMin)).toList();
        if (sorted.get(0).fromMlPerMin().signum() != 0) {
            problems.add(new FieldProblem("bands", "the lowest band must start at 0 mL/min"));
        }
        for (int i = 0; i < sorted.size() - 1; i++) {
            BigDecimal below = sorted.get(i).belowMlPerMin();
            BigDecimal next = sorted.get(i + 1).fromMlPerMin();
            if (below == null || below.compareTo(next) != 0) {
                problems.add(new FieldProblem("bands", "the band from " + sorted.get(i).fromMlPerMin().toPlainString()
                        + " mL/min must end where the next begins (" + next.toPlainString() + " mL/min): no gap, no overlap"));
            }
        }
        if (sorted.get(sorted.size() - 1).belowMlPerMin() != null) {
            problems.add(new FieldProblem("bands", "the highest band must have no upper limit"));
        }
    }
}
