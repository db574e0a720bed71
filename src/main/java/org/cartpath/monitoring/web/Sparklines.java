package org.cartpath.monitoring.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A temperature trend as an inline SVG polyline (no script, no inline style: the page's content security policy
 * allows neither). Templates call {@code ${@sparklines.points(temperatures)}} inside a 100 × 24 view box that
 * spans 35 to 41 °C; {@code feverY()} is the height of 38 °C.
 */
@Component("sparklines")
public class Sparklines {

    static final double LOW = 35;
    static final double HIGH = 41;
    static final double WIDTH = 100;
    static final double HEIGHT = 24;

    public String points(List<BigDecimal> temperatures) {
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

    public String feverY() {
        return String.format(Locale.ROOT, "%.1f", y(38));
    }

    private static double y(double celsius) {
        double clamped = Math.max(LOW, Math.min(HIGH, celsius));
        return HEIGHT - (clamped - LOW) / (HIGH - LOW) * HEIGHT;
    }
}
