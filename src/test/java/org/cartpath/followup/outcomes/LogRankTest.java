package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cartpath.followup.outcomes.SurvivalDatasets.AML_MAINTAINED;
import static org.cartpath.followup.outcomes.SurvivalDatasets.AML_NONMAINTAINED;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_6MP;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_CONTROL;
import static org.cartpath.followup.outcomes.SurvivalDatasets.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The log-rank test against R {@code survdiff} printouts of classic data sets (rounded as printed) and against the
 * Mantel–Haenszel formulas computed independently here (with the 2 × 2 inverse written out for three groups).
 */
class LogRankTest {

    @Test
    void agreesWithRsSurvdiffOfTheGehanData() {
        // R: survdiff(Surv(weeks, relapse) ~ group): control 21 observed, 10.7 expected; 6-MP 9 observed, 19.3
        // expected; Chisq = 16.8 on 1 degrees of freedom, p = 4.17e-05 (Stata's sts test on the same page:
        // chi2(1) = 16.79, expected 10.75 and 19.25)
        LogRank.Result result = LogRank.test(groups("control", GEHAN_CONTROL, "6-MP", GEHAN_6MP));
        assertThat(result.groups().get("control").observed()).isEqualTo(21);
        assertThat(result.groups().get("6-MP").observed()).isEqualTo(9);
        assertThat(result.groups().get("control").expected()).isCloseTo(10.75, within(0.005));
        assertThat(result.groups().get("6-MP").expected()).isCloseTo(19.25, within(0.005));
        assertThat(result.chiSquare()).isCloseTo(16.79, within(0.005));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(4.17e-05, within(0.005e-05));
    }

    @Test
    void agreesWithRsSurvdiffOfTheAmlData() {
        // R: survdiff(Surv(time, status) ~ x, data = aml): Maintained 7 observed, 10.69 expected; Nonmaintained 11
        // observed, 7.31 expected; Chisq = 3.4 on 1 degrees of freedom, p = 0.0653
        LogRank.Result result = LogRank.test(groups("Maintained", AML_MAINTAINED, "Nonmaintained", AML_NONMAINTAINED));
        assertThat(result.groups().get("Maintained").observed()).isEqualTo(7);
        assertThat(result.groups().get("Nonmaintained").observed()).isEqualTo(11);
        assertThat(result.groups().get("Maintained").expected()).isCloseTo(10.69, within(0.005));
        assertThat(result.groups().get("Nonmaintained").expected()).isCloseTo(7.31, within(0.005));
        assertThat(result.chiSquare()).isCloseTo(3.4, within(0.05));
        assertThat(result.pValue()).isCloseTo(0.0653, within(0.00005));
    }

    @Test
    void agreesWithTheTwoGroupFormulaToFullPrecision() {
        for (Map<String, List<Observation>> data : List.of(
                groups("control", GEHAN_CONTROL, "6-MP", GEHAN_6MP),
                groups("Maintained", AML_MAINTAINED, "Nonmaintained", AML_NONMAINTAINED))) {
            Formula formula = new Formula(data);
            LogRank.Result result = LogRank.test(data);
            double chi = formula.u[0] * formula.u[0] / formula.v[0][0];
            assertThat(result.chiSquare()).isCloseTo(chi, within(1e-12));
            // one degree of freedom: P(χ²₁ > x) = erfc(√(x/2)), here from its series-free relation to the normal tail
            double normalTail = 2 * new org.apache.commons.math3.distribution.NormalDistribution()
                    .cumulativeProbability(-Math.sqrt(chi));
            assertThat(result.pValue()).isCloseTo(normalTail, within(1e-12));
            List<String> names = new ArrayList<>(new TreeSet<>(data.keySet()));
            for (int g = 0; g < names.size(); g++) {
                assertThat(result.groups().get(names.get(g)).expected()).isCloseTo(formula.expected[g], within(1e-12));
            }
            // the sum of the expected events is the number of events
            assertThat(result.groups().values().stream().mapToDouble(LogRank.GroupEvents::expected).sum())
                    .isCloseTo(result.groups().values().stream().mapToInt(LogRank.GroupEvents::observed).sum(),
                            within(1e-12));
        }
    }

    @Test
    void testsThreeGroupsWithTheFullVarianceMatrix() {
        Map<String, List<Observation>> data = groups("A", GEHAN_6MP, "B", GEHAN_CONTROL, "C", AML_NONMAINTAINED);
        LogRank.Result result = LogRank.test(data);
        Formula formula = new Formula(data);
        // χ² = uᵀ V⁻¹ u over groups B and C (any two give the same), the 2 × 2 inverse written out
        double a = formula.v[1][1];
        double b = formula.v[1][2];
        double c = formula.v[2][1];
        double d = formula.v[2][2];
        double det = a * d - b * c;
        double u1 = formula.u[1];
        double u2 = formula.u[2];
        double chi = (u1 * (d * u1 - b * u2) + u2 * (-c * u1 + a * u2)) / det;
        assertThat(result.degreesOfFreedom()).isEqualTo(2);
        assertThat(result.chiSquare()).isCloseTo(chi, within(1e-10));
        // two degrees of freedom: P(χ²₂ > x) = exp(−x/2) exactly
        assertThat(result.pValue()).isCloseTo(Math.exp(-chi / 2), within(1e-14));
        // dropping another group gives the same statistic
        double a2 = formula.v[0][0];
        double b2 = formula.v[0][1];
        double c2 = formula.v[1][0];
        double d2 = formula.v[1][1];
        double chiWithoutC = (formula.u[0] * (d2 * formula.u[0] - b2 * formula.u[1])
                + formula.u[1] * (-c2 * formula.u[0] + a2 * formula.u[1])) / (a2 * d2 - b2 * c2);
        assertThat(result.chiSquare()).isCloseTo(chiWithoutC, within(1e-10));
        assertThat(result.groups().keySet()).containsExactly("A", "B", "C");
        for (int g = 0; g < 3; g++) {
            assertThat(result.groups().get(List.of("A", "B", "C").get(g)).expected())
                    .isCloseTo(formula.expected[g], within(1e-12));
        }
    }

    @Test
    void theOrderOfTheGroupsChangesNoNumberAndTheNamesComeBackAsSent() {
        LogRank.Result abc = LogRank.test(groups("A", GEHAN_6MP, "B", GEHAN_CONTROL, "C", AML_NONMAINTAINED));
        LogRank.Result cab = LogRank.test(groups("C", AML_NONMAINTAINED, "A", GEHAN_6MP, "B", GEHAN_CONTROL));
        assertThat(cab.chiSquare()).isEqualTo(abc.chiSquare());
        assertThat(cab.pValue()).isEqualTo(abc.pValue());
        assertThat(cab.groups().keySet()).containsExactly("C", "A", "B");
        for (String name : List.of("A", "B", "C")) {
            assertThat(cab.groups().get(name)).isEqualTo(abc.groups().get(name));
        }
        LogRank.Result two = LogRank.test(groups("6-MP", GEHAN_6MP, "control", GEHAN_CONTROL));
        assertThat(two.chiSquare()).isEqualTo(LogRank.test(groups("control", GEHAN_CONTROL, "6-MP", GEHAN_6MP))
                .chiSquare());
    }

    @Test
    void identicalGroupsDoNotDiffer() {
        LogRank.Result result = LogRank.test(groups("x", AML_MAINTAINED, "y", AML_MAINTAINED));
        assertThat(result.chiSquare()).isCloseTo(0, within(1e-15));
        assertThat(result.pValue()).isCloseTo(1, within(1e-12));
    }

    @Test
    void refusesGroupsWithoutAnyEvent() {
        assertThatThrownBy(() -> LogRank.test(groups("x", "1+ 2+", "y", "3+")))
                .isInstanceOf(LogRank.NoTestPossible.class).hasMessageContaining("no events");
    }

    @Test
    void refusesWhenOnlyOneGroupIsAtRiskAtTheEventTimes() {
        // R's survdiff leaves out groups with no expected events and answers χ² = 0 on 0 degrees of freedom
        assertThatThrownBy(() -> LogRank.test(groups("x", "1+ 2+", "y", "5 6")))
                .isInstanceOf(LogRank.NoTestPossible.class).hasMessageContaining("fewer than two groups");
    }

    @Test
    void leavesOutAGroupWithNoExpectedEventsAsRDoes() {
        LogRank.Result result = LogRank.test(groups("early", "0.5+", "6-MP", GEHAN_6MP, "control", GEHAN_CONTROL));
        assertThat(result.groups().get("early").expected()).isZero();
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.chiSquare()).isCloseTo(LogRank.test(groups("6-MP", GEHAN_6MP, "control", GEHAN_CONTROL))
                .chiSquare(), within(1e-12));
    }

    /** The Mantel–Haenszel sums written plainly: O − E per group and the hypergeometric covariance. */
    static final class Formula {
        final double[] u;
        final double[] expected;
        final double[][] v;

        Formula(Map<String, List<Observation>> data) {
            List<String> names = new ArrayList<>(new TreeSet<>(data.keySet()));
            int k = names.size();
            u = new double[k];
            expected = new double[k];
            v = new double[k][k];
            TreeSet<Double> eventTimes = new TreeSet<>();
            data.values().forEach(list -> list.stream().filter(Observation::event).forEach(o -> eventTimes.add(o.time())));
            for (double t : eventTimes) {
                double[] atRisk = new double[k];
                double[] deaths = new double[k];
                for (int g = 0; g < k; g++) {
                    for (Observation o : data.get(names.get(g))) {
                        if (o.time() >= t) {
                            atRisk[g]++;
                        }
                        if (o.time() == t && o.event()) {
                            deaths[g]++;
                        }
                    }
                }
                double n = 0;
                double d = 0;
                for (int g = 0; g < k; g++) {
                    n += atRisk[g];
                    d += deaths[g];
                }
                for (int g = 0; g < k; g++) {
                    expected[g] += d * atRisk[g] / n;
                    u[g] += deaths[g] - d * atRisk[g] / n;
                    if (n > 1) {
                        for (int h = 0; h < k; h++) {
                            double kronecker = g == h ? 1 : 0;
                            v[g][h] += d * (n - d) / (n - 1) * atRisk[g] / n * (kronecker - atRisk[h] / n);
                        }
                    }
                }
            }
        }
    }
}
