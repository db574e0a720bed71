package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cartpath.followup.outcomes.SurvivalDatasets.AML_MAINTAINED;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_6MP;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_CONTROL;
import static org.cartpath.followup.outcomes.SurvivalDatasets.observations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cartpath.followup.outcomes.KaplanMeier.Estimate;
import org.cartpath.followup.outcomes.KaplanMeier.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The product-limit estimate against published R and Stata outputs of classic data sets (rounded as printed), and
 * against the formulas computed independently here to full double precision.
 */
class KaplanMeierTest {

    /** R's qnorm(0.975), printed to 16 digits. */
    static final double Z_95 = 1.959963984540054;

    /**
     * R {@code summary(survfit(Surv(weeks, relapse) ~ 1))} of the Gehan 6-MP arm (conf.type "log", R's default);
     * printed to 3 decimals (std.err 4), e.g. on G. Rodríguez's Princeton survival pages (grodri.github.io/survival).
     */
    static final String GEHAN_6MP_R_LOG = """
            6  | 21 | 3 | 0.857 | 0.0764 | 0.720 | 1.000
            7  | 17 | 1 | 0.807 | 0.0869 | 0.653 | 0.996
            10 | 15 | 1 | 0.753 | 0.0963 | 0.586 | 0.968
            13 | 12 | 1 | 0.690 | 0.1068 | 0.510 | 0.935
            16 | 11 | 1 | 0.627 | 0.1141 | 0.439 | 0.896
            22 |  7 | 1 | 0.538 | 0.1282 | 0.337 | 0.858
            23 |  6 | 1 | 0.448 | 0.1346 | 0.249 | 0.807
            """;

    /**
     * The same arm with the log-log limits ({@code sts list} of Stata, whose default is the log-log interval, on the
     * same page; R's conf.type "log-log" is the same transform), printed to 4 decimals.
     */
    static final String GEHAN_6MP_LOG_LOG = """
            6  | 0.8571 | 0.0764 | 0.6197 | 0.9516
            7  | 0.8067 | 0.0869 | 0.5631 | 0.9228
            10 | 0.7529 | 0.0963 | 0.5032 | 0.8894
            13 | 0.6902 | 0.1068 | 0.4316 | 0.8491
            16 | 0.6275 | 0.1141 | 0.3675 | 0.8049
            22 | 0.5378 | 0.1282 | 0.2678 | 0.7468
            23 | 0.4482 | 0.1346 | 0.1881 | 0.6801
            """;

    /**
     * R {@code summary(survfit(Surv(time, status) ~ x, data = aml))}, the maintained arm (conf.type "log"), as printed
     * (limits to 4 decimals), e.g. in the survival package's documentation examples and RPubs worked examples.
     */
    static final String AML_MAINTAINED_R_LOG = """
            9  | 11 | 1 | 0.909 | 0.0867 | 0.7541 | 1.000
            13 | 10 | 1 | 0.818 | 0.1163 | 0.6192 | 1.000
            18 |  8 | 1 | 0.716 | 0.1397 | 0.4884 | 1.000
            23 |  7 | 1 | 0.614 | 0.1526 | 0.3769 | 0.999
            31 |  5 | 1 | 0.491 | 0.1642 | 0.2549 | 0.946
            34 |  4 | 1 | 0.368 | 0.1627 | 0.1549 | 0.875
            48 |  2 | 1 | 0.184 | 0.1535 | 0.0359 | 0.944
            """;

    @ParameterizedTest(name = "6-MP week {0}: S = {3}, SE = {4}, 95% CI {5}–{6}")
    @CsvSource(delimiter = '|', textBlock = GEHAN_6MP_R_LOG)
    void agreesWithRsPrintoutOfTheGehan6MpArm(double time, int atRisk, int events, double survival,
            double standardError, double lower, double upper) {
        Step step = at(KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG), time);
        assertThat(step.atRisk()).isEqualTo(atRisk);
        assertThat(step.events()).isEqualTo(events);
        assertThat(step.survival()).isCloseTo(survival, within(0.0005));
        assertThat(step.standardError()).isCloseTo(standardError, within(0.00005));
        assertThat(step.lower()).isCloseTo(lower, within(0.0005));
        assertThat(step.upper()).isCloseTo(upper, within(0.0005));
    }

    @ParameterizedTest(name = "6-MP week {0}: log-log 95% CI {3}–{4}")
    @CsvSource(delimiter = '|', textBlock = GEHAN_6MP_LOG_LOG)
    void agreesWithThePublishedLogLogLimitsOfTheGehan6MpArm(double time, double survival, double standardError,
            double lower, double upper) {
        Step step = at(KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG_LOG), time);
        assertThat(step.survival()).isCloseTo(survival, within(0.00005));
        assertThat(step.standardError()).isCloseTo(standardError, within(0.00005));
        assertThat(step.lower()).isCloseTo(lower, within(0.00005));
        assertThat(step.upper()).isCloseTo(upper, within(0.00005));
    }

    @ParameterizedTest(name = "aml maintained week {0}: S = {3}, 95% CI {5}–{6}")
    @CsvSource(delimiter = '|', textBlock = AML_MAINTAINED_R_LOG)
    void agreesWithRsPrintoutOfTheAmlMaintainedArm(double time, int atRisk, int events, double survival,
            double standardError, double lower, double upper) {
        Step step = at(KaplanMeier.estimate(observations(AML_MAINTAINED), 0.95, ConfidenceInterval.LOG), time);
        assertThat(step.atRisk()).isEqualTo(atRisk);
        assertThat(step.events()).isEqualTo(events);
        assertThat(step.survival()).isCloseTo(survival, within(0.0005));
        assertThat(step.standardError()).isCloseTo(standardError, within(0.00005));
        assertThat(step.lower()).isCloseTo(lower, within(0.00005));
        assertThat(step.upper()).isCloseTo(upper, within(0.0005));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LOG", "LOG_LOG", "PLAIN"})
    void agreesWithTheFormulasToFullPrecisionAtEveryStep(ConfidenceInterval interval) {
        for (String data : List.of(GEHAN_6MP, GEHAN_CONTROL, AML_MAINTAINED)) {
            Estimate estimate = KaplanMeier.estimate(observations(data), 0.95, interval);
            // the formulas, from the counts alone: S = Π (n−d)/n, H² = Σ d/(n(n−d))
            double s = 1;
            double h2 = 0;
            for (Step step : estimate.steps()) {
                if (step.events() > 0) {
                    double n = step.atRisk();
                    double d = step.events();
                    s *= (n - d) / n;
                    h2 += d / (n * (n - d));
                }
                assertThat(step.survival()).isCloseTo(s, within(1e-15));
                if (s == 0) {
                    assertThat(step.standardError()).isNull();
                    assertThat(step.lower()).isNull();
                    assertThat(step.upper()).isNull();
                    continue;
                }
                double h = Math.sqrt(h2);
                assertThat(step.standardError()).isCloseTo(s * h, within(1e-15));
                double[] limits = switch (interval) {
                    case LOG -> new double[] {s * Math.exp(-Z_95 * h), s * Math.exp(Z_95 * h)};
                    case PLAIN -> new double[] {s - Z_95 * s * h, s + Z_95 * s * h};
                    case LOG_LOG -> s == 1 ? null : new double[] {
                            Math.exp(-Math.exp(Math.log(-Math.log(s)) - Z_95 * h / Math.log(s))),
                            Math.exp(-Math.exp(Math.log(-Math.log(s)) + Z_95 * h / Math.log(s)))};
                };
                if (limits == null) {
                    assertThat(step.lower()).isNull();
                    assertThat(step.upper()).isNull();
                    continue;
                }
                double lower = Math.max(0, Math.min(1, Math.min(limits[0], limits[1])));
                double upper = Math.max(0, Math.min(1, Math.max(limits[0], limits[1])));
                assertThat(step.lower()).as("lower at %s", step.time()).isCloseTo(lower, within(1e-14));
                assertThat(step.upper()).as("upper at %s", step.time()).isCloseTo(upper, within(1e-14));
                assertThat(step.lower()).isLessThanOrEqualTo(step.upper());
            }
        }
    }

    @Test
    void hasOneStepPerDistinctTimeWithCensoredTimesCarryingTheSurvivalForward() {
        Estimate estimate = KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG);
        assertThat(estimate.steps()).extracting(Step::time).containsExactly(6.0, 7.0, 9.0, 10.0, 11.0, 13.0, 16.0,
                17.0, 19.0, 20.0, 22.0, 23.0, 25.0, 32.0, 34.0, 35.0);
        Step six = at(estimate, 6);
        assertThat(List.of(six.atRisk(), six.events(), six.censored())).containsExactly(21, 3, 1);
        Step nine = at(estimate, 9);
        assertThat(List.of(nine.atRisk(), nine.events(), nine.censored())).containsExactly(16, 0, 1);
        assertThat(nine.survival()).isEqualTo(at(estimate, 7).survival());
        assertThat(nine.standardError()).isEqualTo(at(estimate, 7).standardError());
        Step thirtyTwo = at(estimate, 32);
        assertThat(List.of(thirtyTwo.atRisk(), thirtyTwo.events(), thirtyTwo.censored())).containsExactly(4, 0, 2);
        assertThat(thirtyTwo.survival()).isEqualTo(at(estimate, 23).survival());
    }

    @Test
    void aCensoringTiedWithAnEventCountsAsAtRiskForIt() {
        // at week 10 of the 6-MP arm one relapse and one censoring: 15 at risk, S × 14/15
        Estimate estimate = KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG);
        assertThat(at(estimate, 10).atRisk()).isEqualTo(15);
        assertThat(at(estimate, 10).survival()).isEqualTo(at(estimate, 7).survival() * (14.0 / 15.0));
        assertThat(at(estimate, 11).atRisk()).isEqualTo(13);
    }

    @Test
    void theMedianIsTheSmallestEventTimeAtWhichSurvivalIsAtMostOneHalf() {
        assertThat(KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isEqualTo(23.0); // S(22) = 0.538, S(23) = 0.448
        assertThat(KaplanMeier.estimate(observations(GEHAN_CONTROL), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isEqualTo(8.0); // R: median 8
        assertThat(KaplanMeier.estimate(observations(AML_MAINTAINED), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isEqualTo(31.0); // R: median 31
        // exactly one half counts: 1, 2, 3+, 4+ gives S(2) = 1/2 (R's print.survfit may take a midpoint when S is
        // exactly 0.5 over an interval; the contract asks for the smallest event time with S ≤ 0.5)
        assertThat(KaplanMeier.estimate(observations("1 2 3+ 4+"), 0.95, ConfidenceInterval.LOG).steps().get(1)
                .survival()).isEqualTo(0.5);
        assertThat(KaplanMeier.estimate(observations("2 1 3+ 4+"), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isEqualTo(2.0);
    }

    @Test
    void hasNoMedianWhenTheCurveNeverReachesOneHalf() {
        assertThat(KaplanMeier.estimate(observations("1 2+ 3+ 4+"), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isNull();
        assertThat(KaplanMeier.estimate(observations("5+ 7+"), 0.95, ConfidenceInterval.LOG).medianSurvival())
                .isNull();
    }

    @Test
    void beforeAnyEventTheStandardErrorIsZeroAndTheLimitsAreOneExceptOnTheLogLogScale() {
        for (ConfidenceInterval interval : List.of(ConfidenceInterval.LOG, ConfidenceInterval.PLAIN)) {
            Step first = KaplanMeier.estimate(observations("1+ 2 3"), 0.95, interval).steps().get(0);
            assertThat(first.survival()).isEqualTo(1.0);
            assertThat(first.standardError()).isEqualTo(0.0);
            assertThat(first.lower()).isEqualTo(1.0);
            assertThat(first.upper()).isEqualTo(1.0);
        }
        Step logLog = KaplanMeier.estimate(observations("1+ 2 3"), 0.95, ConfidenceInterval.LOG_LOG).steps().get(0);
        assertThat(logLog.standardError()).isEqualTo(0.0);
        assertThat(logLog.lower()).isNull();
        assertThat(logLog.upper()).isNull();
    }

    @Test
    void whenSurvivalReachesZeroTheStandardErrorAndLimitsAreNull() {
        for (ConfidenceInterval interval : ConfidenceInterval.values()) {
            Estimate estimate = KaplanMeier.estimate(observations(GEHAN_CONTROL), 0.95, interval);
            Step last = estimate.steps().get(estimate.steps().size() - 1);
            assertThat(last.time()).isEqualTo(23.0);
            assertThat(last.survival()).isEqualTo(0.0);
            assertThat(last.standardError()).isNull();
            assertThat(last.lower()).isNull();
            assertThat(last.upper()).isNull();
        }
    }

    @Test
    void clipsTheLimitsToZeroAndOne() {
        Estimate plain = KaplanMeier.estimate(observations(AML_MAINTAINED), 0.95, ConfidenceInterval.PLAIN);
        Step nine = at(plain, 9); // 0.909 + 1.96 × 0.0867 > 1
        assertThat(nine.upper()).isEqualTo(1.0);
        Step fortyEight = at(plain, 48); // 0.184 − 1.96 × 0.1535 < 0
        assertThat(fortyEight.lower()).isEqualTo(0.0);
        Estimate log = KaplanMeier.estimate(observations(AML_MAINTAINED), 0.95, ConfidenceInterval.LOG);
        assertThat(at(log, 13).upper()).isEqualTo(1.0);
    }

    @Test
    void theLogLogLowerLimitIsTheSmallerOfTheTwo() {
        Estimate estimate = KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG_LOG);
        for (Step step : estimate.steps()) {
            assertThat(step.lower()).isLessThan(step.survival());
            assertThat(step.upper()).isGreaterThan(step.survival());
        }
    }

    @Test
    void usesTheNormalQuantileOfTheConfidenceLevel() {
        Step at95 = at(KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.PLAIN), 13);
        Step at90 = at(KaplanMeier.estimate(observations(GEHAN_6MP), 0.90, ConfidenceInterval.PLAIN), 13);
        // R: qnorm(0.95) = 1.644853626951472
        assertThat(at90.upper() - at90.survival()).isCloseTo(1.644853626951472 * at90.standardError(), within(1e-14));
        assertThat(at95.upper() - at95.survival()).isCloseTo(Z_95 * at95.standardError(), within(1e-14));
    }

    @Test
    void theOrderOfTheObservationsChangesNothing() {
        List<Observation> shuffled = new ArrayList<>(observations(GEHAN_6MP));
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, 7);
        assertThat(KaplanMeier.estimate(shuffled, 0.95, ConfidenceInterval.LOG))
                .isEqualTo(KaplanMeier.estimate(observations(GEHAN_6MP), 0.95, ConfidenceInterval.LOG));
    }

    @Test
    void aSingleObservationIsACurve() {
        Estimate one = KaplanMeier.estimate(observations("4"), 0.95, ConfidenceInterval.LOG);
        assertThat(one.steps()).containsExactly(new Step(4.0, 1, 1, 0, 0.0, null, null, null));
        assertThat(one.medianSurvival()).isEqualTo(4.0);
        Estimate censored = KaplanMeier.estimate(observations("0+"), 0.95, ConfidenceInterval.LOG);
        assertThat(censored.steps()).containsExactly(new Step(0.0, 1, 0, 1, 1.0, 0.0, 1.0, 1.0));
    }

    static Step at(Estimate estimate, double time) {
        return estimate.steps().stream().filter(s -> s.time() == time).findFirst().orElseThrow();
    }
}
