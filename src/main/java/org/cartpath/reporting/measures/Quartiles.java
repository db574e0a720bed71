package org.cartpath.reporting.measures;

import java.util.Collection;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The median and quartiles of a list of durations, by Apache Commons Math's {@link Percentile} with the R-7 estimator
 * (Hyndman RJ, Fan Y. Sample quantiles in statistical packages. Am Stat 1996;50:361–365, definition 7: R's default
 * {@code quantile(type = 7)} and PostgreSQL's {@code percentile_cont}), so the figures agree with the analyst's own
 * tools. docs/clinical/outcome-measures.md, "Service".
 */
public record Quartiles(int count, double lowerQuartile, double median, double upperQuartile) {

    /** The quartiles of {@code values}, or {@code null} when there are none. */
    public static Quartiles of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] data = values.stream().mapToDouble(Number::doubleValue).toArray();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(data);
        return new Quartiles(data.length, percentile.evaluate(25), percentile.evaluate(50), percentile.evaluate(75));
    }
}
