package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A weight with the day it was measured; tocilizumab is dosed on the latest. */
public record WeightMeasurement(BigDecimal weightKg, LocalDate measuredOn, String recordedByName, Instant recordedAt) {
}
