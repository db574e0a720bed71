package org.cartpath.monitoring.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A temperature trend as an inline SVG polyline (no script, no inline style: the page's content security policy
 * allows neither): the points in a 100 × 24 view box spanning 35 to 41 °C, where 38 °C is at height 12 (the
 * board's dashed line).
 */
@Component
class Sparklines {

    static final double LOW = 35;
    static final double HIGH = 41;
    static final double WIDTH = 100;
    static final double HEIGHT = 24;

    String points(List<BigDecimal> temperatures) {
        if (temperatures == null || temperatures.isEmpty()) {
            return "";
        }
        StringBuilder points = new StringBuilder();
        int n = temperatures.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2 : i * WIDTH / (n - 1);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(temperatures.get(i).doubleValue())));
        }
        return points.toString().trim();
    }

    private static double y(double celsius) {
        double clamped = Math.max(LOW, Math.min(HIGH, celsius));
        return HEIGHT - (clamped - LOW) / (HIGH - LOW) * HEIGHT;
    }
}
