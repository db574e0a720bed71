package org.cartpath.custody.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cartpath.custody.shipment.TemperatureProfile;
import org.cartpath.custody.telemetry.Excursion;
import org.cartpath.custody.telemetry.TemperatureSeries;
import org.springframework.web.util.HtmlUtils;

/**
 * The temperature curve of a shipment as inline SVG, drawn on the server so the page needs no script: each
 * logger's readings (the warmest and, with a lower limit, the coldest of each time bucket), the profile's limits
 * as dashed red lines, and excursions shaded. Only presentation attributes, no inline styles (CSP).
 */
final class TemperatureCurveSvg {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#005eb8", "#330072", "#425563", "#ae2573"};
    private static final String LIMIT = "#d5281b";

    private TemperatureCurveSvg() {
    }

    static String render(Map<String, List<TemperatureSeries.Point>> loggers, TemperatureProfile profile,
            List<Excursion> excursions, TemperatureSeries.Summary summary, ZoneId zone) {
        if (summary.readings() == 0) {
            return "";
        }
        double low = Math.min(summary.lowest().doubleValue(), limitOr(profile.minCelsius(), summary.lowest()));
        double high = Math.max(summary.highest().doubleValue(), limitOr(profile.maxCelsius(), summary.highest()));
        double pad = Math.max(2, (high - low) * 0.1);
        Scale scale = new Scale(summary.first(), summary.last(), low - pad, high + pad);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"cartpath-curve\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"curve-title\" data-testid=\"temperature-curve\">")
                .append("<title id=\"curve-title\">Temperature of the shipment from ").append(time(summary.first(), zone))
                .append(" to ").append(time(summary.last(), zone)).append(", limits ")
                .append(HtmlUtils.htmlEscape(profile.describe(), "UTF-8")).append("</title>");
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#425563", null))
                .append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#425563", null));
        for (Excursion e : excursions) {
            double x1 = scale.x(e.startedAt());
            double x2 = scale.x(e.endedAt() != null ? e.endedAt() : e.lastOutAt());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f7c9c5\"/>",
                    x1, TOP, Math.max(2, x2 - x1), HEIGHT - TOP - BOTTOM));
        }
        limit(svg, scale, profile.maxCelsius(), "max");
        limit(svg, scale, profile.minCelsius(), "min");
        int colour = 0;
        for (Map.Entry<String, List<TemperatureSeries.Point>> logger : loggers.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            svg.append(polyline(scale, logger.getValue(), true, stroke));
            if (profile.minCelsius() != null) {
                svg.append(polyline(scale, logger.getValue(), false, stroke));
            }
            svg.append(text(LEFT + 10 + 150 * (colour - 1), HEIGHT - 8, stroke, "logger " + logger.getKey()));
        }
        svg.append(text(4, (int) scale.y(high + pad) + 12, "#425563", format(high + pad) + " °C"))
                .append(text(4, (int) scale.y(low - pad), "#425563", format(low - pad) + " °C"))
                .append(text(LEFT, HEIGHT - BOTTOM + 18, "#425563", time(summary.first(), zone)))
                .append(text(WIDTH - RIGHT - 130, HEIGHT - BOTTOM + 18, "#425563", time(summary.last(), zone)));
        return svg.append("</svg>").toString();
    }

    private static double limitOr(BigDecimal limit, BigDecimal otherwise) {
        return (limit != null ? limit : otherwise).doubleValue();
    }

    private static void limit(StringBuilder svg, Scale scale, BigDecimal value, String name) {
        if (value != null) {
            double y = scale.y(value.doubleValue());
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, LIMIT, "6 4"))
                    .append(text(WIDTH - RIGHT - 120, (int) y - 4, LIMIT, name + " " + TemperatureProfile.plain(value) + " °C"));
        }
    }

    private static String polyline(Scale scale, List<TemperatureSeries.Point> points, boolean highest, String stroke) {
        StringBuilder coordinates = new StringBuilder();
        for (TemperatureSeries.Point p : points) {
            BigDecimal value = highest ? p.highest() : p.lowest();
            coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(p.at()), scale.y(value.doubleValue())));
        }
        return "<polyline fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"1.5\" points=\"" + coordinates.toString().trim() + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String dashes) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>", x1, y1, x2,
                y2, stroke, dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"");
    }

    private static String text(int x, int y, String fill, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fill + "\" font-size=\"12\">" + HtmlUtils.htmlEscape(content, "UTF-8")
                + "</text>";
    }

    private static String format(double celsius) {
        return String.format(Locale.ROOT, "%.0f", celsius);
    }

    private static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(zone).format(at);
    }

    private record Scale(Instant first, Instant last, double low, double high) {

        double x(Instant at) {
            double span = Math.max(1, Duration.between(first, last).toSeconds());
            return LEFT + (WIDTH - LEFT - RIGHT) * Duration.between(first, at).toSeconds() / span;
        }

        double y(double celsius) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (high - celsius) / (high - low);
        }
    }
}
