package org.cartpath.interop.hl7;

import java.math.BigDecimal;
import java.time.Instant;

/** A result ready to file: the measurement in cartpath's unit, and what the laboratory sent. */
record FiledResult(LabMeasurement measurement, BigDecimal value, Instant observedAt, String localCode,
        String localValue, String localUnit) {
}
