package org.cartpath.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.shipment.TemperatureProfile;
import org.cartpath.custody.telemetry.Excursion;
import org.cartpath.custody.telemetry.TemperatureSeries;
import org.junit.jupiter.api.Test;

/** The curve drawn on the server: limits, excursions and loggers, with no inline style the CSP would block. */
class TemperatureCurveSvgTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final TemperatureProfile CRYO = new TemperatureProfile("CRYOPRESERVED", null, new BigDecimal("-150.00"), "default");

    @Test
    void drawsTheLimitTheExcursionAndEachLoggerWithoutInlineStyles() {
        Map<String, List<TemperatureSeries.Point>> loggers = Map.of("L<1>", List.of(
                new TemperatureSeries.Point(T0, new BigDecimal("-185"), new BigDecimal("-180")),
                new TemperatureSeries.Point(T0.plusSeconds(600), new BigDecimal("-145"), new BigDecimal("-140")),
                new TemperatureSeries.Point(T0.plusSeconds(1200), new BigDecimal("-185"), new BigDecimal("-181"))));
        Excursion excursion = new Excursion(UUID.randomUUID(), UUID.randomUUID(), "L<1>", T0.plusSeconds(500), T0.plusSeconds(700),
                T0.plusSeconds(800), new BigDecimal("-140"), T0.plusSeconds(900));
        String svg = TemperatureCurveSvg.render(loggers, CRYO, List.of(excursion),
                new TemperatureSeries.Summary(3, T0, T0.plusSeconds(1200), new BigDecimal("-185"), new BigDecimal("-140")),
                ZoneId.of("Europe/London"));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("max -150 °C", "stroke-dasharray", "<rect",
                "<polyline", "logger L&lt;1&gt;", "26 Nov 10:00").doesNotContain("style=", "<script", "L<1>");
    }

    @Test
    void drawsNothingWithoutReadings() {
        assertThat(TemperatureCurveSvg.render(Map.of(), CRYO, List.of(), new TemperatureSeries.Summary(0, null, null, null, null),
                ZoneId.of("Europe/London"))).isEmpty();
    }
}
