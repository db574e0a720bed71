package org.cartpath.custody.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/** One data-logger reading: which logger, when, how cold. */
public record Reading(String loggerId, Instant readAt, BigDecimal celsius) {
}
