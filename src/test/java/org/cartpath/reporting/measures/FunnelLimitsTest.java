package org.cartpath.reporting.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Spiegelhalter's (2005, Appendix A.1.1) interpolated exact binomial limits, computed by hand. */
class FunnelLimitsTest {

    @Test
    void theUpperLimitIsTheInterpolatedBinomialQuantile() {
        // Binomial(10, 0.5): P(R ≤ 7) = 0.9453125, P(R ≤ 8) = 0.9892578; r = 8 for p = 0.975;
        // α = (0.9892578 − 0.975) / (0.9892578 − 0.9453125) = 0.3244444; limit = (8 − 0.3244444) / 10
        assertThat(FunnelLimits.quantile(0.975, 10, 0.5)).isCloseTo((8 - 0.0142578125 / 0.0439453125) / 10,
                within(1e-9));
        // by symmetry the lower 2.5 % limit: r = 2 (P(R ≤ 2) = 0.0546875, P(R ≤ 1) = 0.0107422);
        // α = (0.0546875 − 0.025) / 0.0439453 = 0.6755556; limit = (2 − 0.6755556) / 10
        assertThat(FunnelLimits.quantile(0.025, 10, 0.5)).isCloseTo((2 - 0.0296875 / 0.0439453125) / 10,
                within(1e-9));
    }

    @Test
    void theFunnelNarrowsAsPatientsIncreaseAndTheAlarmLimitsLieOutsideTheAlertLimits() {
        FunnelLimits.Limits small = FunnelLimits.at(20, 0.2);
        FunnelLimits.Limits large = FunnelLimits.at(500, 0.2);
        assertThat(small.upper998()).isGreaterThan(small.upper95());
        assertThat(small.lower998()).isLessThanOrEqualTo(small.lower95());
        assertThat(large.upper95() - large.lower95()).isLessThan(small.upper95() - small.lower95());
        // at 500 patients the exact limits are close to the normal approximation 0.2 ± 1.96 · √(0.2 · 0.8 / 500)
        assertThat(large.upper95()).isCloseTo(0.2 + 1.959964 * Math.sqrt(0.16 / 500), within(0.005));
        assertThat(FunnelLimits.at(10, 0).upper998()).isZero();
    }
}
