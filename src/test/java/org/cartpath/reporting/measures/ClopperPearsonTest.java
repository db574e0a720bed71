package org.cartpath.reporting.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClopperPearsonTest {

    /**
     * Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods. Stat Med
     * 1998;17:857–872, Table II, method 5 (Clopper–Pearson "exact"), to the four decimals printed there; and R's
     * {@code binom.test(5, 20)} (0.08657147, 0.49104587).
     */
    @ParameterizedTest(name = "{0}/{1}: {2} to {3}")
    @CsvSource({
            "81, 263, 0.2527, 0.3676, 0.00005",
            "15, 148, 0.0578, 0.1617, 0.00005",
            "0, 20, 0.0000, 0.1684, 0.00005",
            "1, 29, 0.0009, 0.1776, 0.00005",
            "5, 20, 0.08657147, 0.49104587, 0.000000005"})
    void matchesPublishedWorkedExamples(int successes, int trials, double lower, double upper, double tolerance) {
        ClopperPearson.Interval interval = ClopperPearson.interval(successes, trials, 0.95);
        assertThat(interval.lower()).isCloseTo(lower, within(tolerance));
        assertThat(interval.upper()).isCloseTo(upper, within(tolerance));
        assertThat(interval.proportion()).isEqualTo((double) successes / trials);
    }

    @Test
    void noneOfNHasALowerLimitOfZeroAndAnUpperOfOneMinusHalfAlphaToThePowerOneOverN() {
        ClopperPearson.Interval interval = ClopperPearson.interval(0, 10, 0.95);
        assertThat(interval.lower()).isZero();
        // x = 0: upper = 1 − (α/2)^(1/n)
        assertThat(interval.upper()).isCloseTo(1 - Math.pow(0.025, 1.0 / 10), within(1e-9));
    }

    @Test
    void allOfNHasAnUpperLimitOfOneAndALowerOfHalfAlphaToThePowerOneOverN() {
        ClopperPearson.Interval interval = ClopperPearson.interval(10, 10, 0.95);
        assertThat(interval.upper()).isEqualTo(1.0);
        assertThat(interval.lower()).isCloseTo(Math.pow(0.025, 1.0 / 10), within(1e-9));
    }

    @Test
    void oneOfOneIsAllOfN() {
        assertThat(ClopperPearson.interval(1, 1, 0.95).lower()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void refusesImpossibleCountsAndLevels() {
        assertThatThrownBy(() -> ClopperPearson.interval(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(-1, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
