package org.cartpath.reporting.measures;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Control limits of a funnel plot for a proportion (Spiegelhalter DJ. Funnel plots for comparing institutional
 * performance. Stat Med 2005;24:1185–1202, Appendix A.1.1): for a target proportion θ and a unit with n cases, the
 * p-quantile of the exact binomial distribution, interpolated so the limit is a smooth funnel. With r_p the smallest r
 * such that P(R ≤ r) ≥ p, and α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)), the limit on the proportion scale is
 * (r_p − α) / n. The 95 % limits are the 0.025 and 0.975 quantiles, the 99.8 % limits the 0.001 and 0.999 quantiles
 * (about 2 and 3 standard deviations: "alert" and "alarm"), as NHS national clinical audits draw them.
 * docs/clinical/outcome-measures.md, "Comparing centres". The binomial distribution is Apache Commons Math's.
 */
public final class FunnelLimits {

    public static final double ALERT_LOW = 0.025;
    public static final double ALERT_HIGH = 0.975;
    public static final double ALARM_LOW = 0.001;
    public static final double ALARM_HIGH = 0.999;

    /** The limits at one number of cases. */
    public record Limits(int cases, double lower95, double upper95, double lower998, double upper998) {
    }

    private FunnelLimits() {
    }

    public static Limits at(int cases, double target) {
        if (cases < 1 || !(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("at least one case and a target between 0 and 1 are needed");
        }
        return new Limits(cases, quantile(ALERT_LOW, cases, target), quantile(ALERT_HIGH, cases, target),
                quantile(ALARM_LOW, cases, target), quantile(ALARM_HIGH, cases, target));
    }

    /** The interpolated p-quantile of Binomial(n, θ) divided by n (Spiegelhalter 2005, A.1.1). */
    public static double quantile(double p, int n, double target) {
        if (target == 0) {
            return 0;
        }
        if (target == 1) {
            return 1;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, target);
        int r = binomial.inverseCumulativeProbability(p); // the smallest r with P(R ≤ r) ≥ p
        double atR = binomial.cumulativeProbability(r);
        double belowR = r == 0 ? 0 : binomial.cumulativeProbability(r - 1);
        double alpha = (atR - p) / (atR - belowR);
        return Math.max(0, Math.min(1, (r - alpha) / n));
    }
}
