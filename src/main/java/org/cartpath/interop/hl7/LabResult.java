package org.cartpath.interop.hl7;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A laboratory result filed from a message, in cartpath's unit of the measurement. */
public record LabResult(LabMeasurement measurement, BigDecimal value, Instant observedAt, UUID messageId,
        Instant filedAt) {
}
