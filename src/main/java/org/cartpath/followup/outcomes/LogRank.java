package org.cartpath.followup.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank (Mantel–Haenszel) test of two or more survival curves (Mantel N. Evaluation of survival data and two
 * new rank order statistics arising in its consideration. Cancer Chemother Rep 1966;50(3):163–170), computed as R
 * {@code survival::survdiff} with {@code rho = 0}: at each event time, every group's expected events
 * d·nₖ/n and the full hypergeometric covariance d·nⱼ(n−d)/(n(n−1))·(δⱼₖ − nₖ/n) (its C routine {@code survdiff2},
 * summed from the last time backwards as it does); then χ² = (O−E)ᵀ V⁻¹ (O−E) over the groups with expected events,
 * leaving out the first. See docs/clinical/outcomes-calculators.md.
 *
 * <p>The groups are always taken in the order of their names, so the order in which a caller lists them changes no
 * number. The linear solve (LU, as R's {@code solve}) and the χ² tail come from Apache Commons Math.
 */
public final class LogRank {

    /** Observed and expected events of one group. */
    public record GroupEvents(int observed, double expected) {
    }

    /** The test; {@code groups} in the caller's order. */
    public record Result(double chiSquare, int degreesOfFreedom, double pValue, Map<String, GroupEvents> groups) {
    }

    /** Why the test has no answer for well-formed input. */
    public static final class NoTestPossible extends RuntimeException {
        NoTestPossible(String message) {
            super(message);
        }
    }

    private LogRank() {
    }

    /**
     * The test of {@code groups} (at least two, each non-empty).
     *
     * @throws NoTestPossible when no group has an event, when fewer than two groups have anyone at risk at an event
     *         time, or when the groups' variance matrix is singular (R's {@code survdiff} answers χ² = 0 on 0 degrees
     *         of freedom, or stops, in those cases)
     */
    public static Result test(Map<String, List<Observation>> groups) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException("at least two groups are needed");
        }
        List<String> names = groups.keySet().stream().sorted().toList();
        int k = names.size();
        record Subject(double time, boolean event, int group) {
        }
        List<Subject> subjects = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Observation> members = groups.get(names.get(g));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("group " + names.get(g) + " is empty");
            }
            for (Observation o : members) {
                subjects.add(new Subject(o.time(), o.event(), g));
            }
        }
        subjects.sort(Comparator.comparingDouble(Subject::time));
        if (subjects.stream().noneMatch(Subject::event)) {
            throw new NoTestPossible("there are no events in any group");
        }

        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] variance = new double[k][k];
        double[] risk = new double[k];
        int n = subjects.size();
        for (int i = n - 1; i >= 0; ) {
            double time = subjects.get(i).time();
            double deaths = 0;
            int j = i;
            for (; j >= 0 && subjects.get(j).time() == time; j--) {
                Subject s = subjects.get(j);
                deaths += s.event() ? 1 : 0;
                risk[s.group()] += 1;
                observed[s.group()] += s.event() ? 1 : 0;
            }
            i = j;
            double nrisk = n - (j + 1);
            if (deaths > 0) {
                for (int g = 0; g < k; g++) {
                    expected[g] += deaths * risk[g] / nrisk;
                }
                if (nrisk == 1) {
                    continue; // one subject at risk: no variance
                }
                for (int a = 0; a < k; a++) {
                    double tmp = deaths * risk[a] * (nrisk - deaths) / (nrisk * (nrisk - 1));
                    variance[a][a] += tmp;
                    for (int b = 0; b < k; b++) {
                        variance[a][b] -= tmp * risk[b] / nrisk;
                    }
                }
            }
        }

        // R: df <- (etmp > 0); temp2 <- ((otmp - etmp)[df])[-1]; vv <- (var[df,df])[-1,-1]
        List<Integer> tested = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            if (expected[g] > 0) {
                tested.add(g);
            }
        }
        if (tested.size() < 2) {
            throw new NoTestPossible("fewer than two groups have anyone at risk at an event time");
        }
        int m = tested.size() - 1;
        double[] difference = new double[m];
        double[][] v = new double[m][m];
        for (int a = 0; a < m; a++) {
            int ga = tested.get(a + 1);
            difference[a] = observed[ga] - expected[ga];
            for (int b = 0; b < m; b++) {
                v[a][b] = variance[ga][tested.get(b + 1)];
            }
        }
        RealVector solved;
        try {
            solved = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver()
                    .solve(new ArrayRealVector(difference, false));
        } catch (SingularMatrixException e) {
            throw new NoTestPossible("the groups' variance matrix is singular: no group difference can be tested");
        }
        double chiSquare = 0;
        for (int a = 0; a < m; a++) {
            chiSquare += solved.getEntry(a) * difference[a];
        }
        if (!Double.isFinite(chiSquare) || chiSquare < 0) {
            throw new NoTestPossible("the groups' variance matrix is singular: no group difference can be tested");
        }
        // R: pchisq(chi, df, lower.tail = FALSE), the regularised upper incomplete gamma Q(df/2, χ²/2)
        double pValue = Gamma.regularizedGammaQ(m / 2.0, chiSquare / 2.0);

        Map<String, GroupEvents> byName = new LinkedHashMap<>();
        for (String name : groups.keySet()) {
            int g = names.indexOf(name);
            byName.put(name, new GroupEvents((int) observed[g], expected[g]));
        }
        return new Result(chiSquare, m, pValue, byName);
    }
}
