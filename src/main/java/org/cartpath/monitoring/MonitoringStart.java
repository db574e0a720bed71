package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What monitoring needs to start: day 0 and, until the patient module provides them, the patient's age and
 * developmental delay (which decide ICE or CAPD for ICANS) and weight (for tocilizumab).
 *
 * @param infusedAt          when the product was infused: day 0
 * @param ageYears           completed years at infusion
 * @param developmentalDelay CAPD is then used beyond the age cut-off, up to the validated age
 * @param weightKg           the latest weight, if known; recorded as measured on day 0
 */
public record MonitoringStart(Instant infusedAt, Integer ageYears, Boolean developmentalDelay, BigDecimal weightKg) {
}
