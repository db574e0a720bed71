package org.cartpath.followup.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The product-limit estimate of a survival curve (Kaplan EL, Meier P. Nonparametric estimation from incomplete
 * observations. J Am Stat Assoc 1958;53(282):457–481) with Greenwood's variance (Greenwood M. The natural duration of
 * cancer. Reports on Public Health and Medical Subjects 1926;33:1–26), computed as R {@code survival::survfit} does
 * (its C routine {@code survfitkm}: S ← S·(n−d)/n and V ← V + d/(n(n−d)) at each event time, in time order) and with
 * the confidence limits of R's {@code survfit_confint} for {@code conf.type} "log", "log-log" and "plain". The
 * contract and its edge cases are in docs/clinical/outcomes-calculators.md.
 *
 * <p>The normal quantile comes from Apache Commons Math, not from a hand-written approximation.
 */
public final class KaplanMeier {

    /** One distinct observed time of the curve; the limits and the standard error are {@code null} where undefined. */
    public record Step(double time, int atRisk, int events, int censored, double survival, Double standardError,
            Double lower, Double upper) {
    }

    /** The curve: one step per distinct observed time, ascending; the median or {@code null}. */
    public record Estimate(double confidenceLevel, ConfidenceInterval confidenceInterval, List<Step> steps,
            Double medianSurvival) {
    }

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private KaplanMeier() {
    }

    /**
     * The estimate at every distinct time of {@code observations} (at least one), with pointwise limits at
     * {@code confidenceLevel} (0 &lt; level &lt; 1) on the scale {@code interval}.
     */
    public static Estimate estimate(List<Observation> observations, double confidenceLevel,
            ConfidenceInterval interval) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("at least one observation is needed");
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
        // R: zval <- qnorm(1 - (1 - conf.int)/2, 0, 1)
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
        List<Observation> sorted = observations.stream().sorted(Comparator.comparingDouble(Observation::time)).toList();

        List<Step> steps = new ArrayList<>();
        int atRisk = sorted.size();
        double survival = 1.0;
        double greenwood = 0.0; // Σ d/(n(n−d)): the variance of the cumulative hazard, H² in the contract
        Double median = null;
        for (int i = 0; i < sorted.size(); ) {
            double time = sorted.get(i).time();
            int events = 0;
            int censored = 0;
            int j = i;
            for (; j < sorted.size() && sorted.get(j).time() == time; j++) {
                if (sorted.get(j).event()) {
                    events++;
                } else {
                    censored++; // a censoring tied with an event counts as at risk for it
                }
            }
            if (events > 0) {
                double n = atRisk;
                double d = events;
                survival *= (n - d) / n;
                greenwood += d / (n * (n - d));
                if (median == null && survival <= 0.5) {
                    median = time; // the smallest event time at which S(t) ≤ 0.5
                }
            }
            steps.add(step(time, atRisk, events, censored, survival, Math.sqrt(greenwood), z, interval));
            atRisk -= events + censored;
            i = j;
        }
        return new Estimate(confidenceLevel, interval, List.copyOf(steps), median);
    }

    private static Step step(double time, int atRisk, int events, int censored, double s, double h, double z,
            ConfidenceInterval interval) {
        if (s == 0) {
            return new Step(time, atRisk, events, censored, s, null, null, null);
        }
        double standardError = h * s; // R summary.survfit: std.err * surv
        return switch (interval) {
            case LOG -> {
                double se2 = z * h;
                yield new Step(time, atRisk, events, censored, s, standardError, clip(Math.exp(Math.log(s) - se2)),
                        clip(Math.exp(Math.log(s) + se2)));
            }
            case PLAIN -> {
                double se2 = h * s * z; // R: se * p * zval
                yield new Step(time, atRisk, events, censored, s, standardError, clip(s - se2), clip(s + se2));
            }
            case LOG_LOG -> {
                if (s == 1) {
                    yield new Step(time, atRisk, events, censored, s, standardError, null, null);
                }
                double logS = Math.log(s);
                double se2 = z * h / logS;
                double one = Math.exp(-Math.exp(Math.log(-logS) - se2));
                double other = Math.exp(-Math.exp(Math.log(-logS) + se2));
                yield new Step(time, atRisk, events, censored, s, standardError, clip(Math.min(one, other)),
                        clip(Math.max(one, other)));
            }
        };
    }

    private static double clip(double limit) {
        return Math.max(0.0, Math.min(1.0, limit));
    }
}
