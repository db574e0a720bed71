package org.cartpath.custody.shipment;

import java.math.BigDecimal;

/**
 * The range a shipment's temperature must stay in, and where the range came from. Either limit may be absent
 * (cryopreserved cells have an upper limit only).
 */
public record TemperatureProfile(String name, BigDecimal minCelsius, BigDecimal maxCelsius, String source) {

    /** Cryopreserved cells: at or below −150 °C (ADR 0016). */
    public static final BigDecimal CRYOPRESERVED_MAX = new BigDecimal("-150");

    public boolean inRange(BigDecimal celsius) {
        return (minCelsius == null || celsius.compareTo(minCelsius) >= 0)
                && (maxCelsius == null || celsius.compareTo(maxCelsius) <= 0);
    }

    /** "at or below −150 °C", "2 to 8 °C". */
    public String describe() {
        if (minCelsius == null) {
            return "at or below " + plain(maxCelsius) + " °C";
        }
        if (maxCelsius == null) {
            return "at or above " + plain(minCelsius) + " °C";
        }
        return plain(minCelsius) + " to " + plain(maxCelsius) + " °C";
    }

    /** -150.00 as -150, -2.50 as -2.5. */
    public static String plain(BigDecimal celsius) {
        return celsius.stripTrailingZeros().toPlainString();
    }
}
