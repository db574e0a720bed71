package org.cartpath.reporting.measures;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper–Pearson) confidence interval of a binomial proportion (Clopper CJ, Pearson ES. The use of
 * confidence or fiducial limits illustrated in the case of the binomial. Biometrika 1934;26:404–413): the lower limit
 * is the α/2 quantile of Beta(x, n − x + 1) and the upper the 1 − α/2 quantile of Beta(x + 1, n − x), with 0 when
 * x = 0 and 1 when x = n (as R's {@code binom.test}). The beta quantiles come from Apache Commons Math.
 * docs/clinical/outcome-measures.md, "Best overall response".
 */
public final class ClopperPearson {

    /** A proportion with its interval, all between 0 and 1. */
    public record Interval(int successes, int trials, double proportion, double lower, double upper) {
    }

    private ClopperPearson() {
    }

    /** The two-sided interval at {@code level} (0 &lt; level &lt; 1) for {@code successes} of {@code trials} (≥ 1). */
    public static Interval interval(int successes, int trials, double level) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ trials and trials ≥ 1: " + successes + "/" + trials);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
        double alpha = 1 - level;
        double lower = successes == 0 ? 0.0
                : new BetaDistribution(null, successes, trials - successes + 1).inverseCumulativeProbability(alpha / 2);
        double upper = successes == trials ? 1.0
                : new BetaDistribution(null, successes + 1, trials - successes).inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(successes, trials, (double) successes / trials, lower, upper);
    }
}
