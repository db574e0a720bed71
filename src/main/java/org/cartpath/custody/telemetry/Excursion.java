package org.cartpath.custody.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A logger's readings out of the shipment's range for longer than the grace period: from the first reading out
 * of range until the first reading back in range ({@code endedAt}; null while none has come).
 */
public record Excursion(UUID id, UUID shipmentId, String loggerId, Instant startedAt, Instant lastOutAt, Instant endedAt,
        BigDecimal extremeCelsius, Instant detectedAt) {

    public Duration duration() {
        return Duration.between(startedAt, endedAt != null ? endedAt : lastOutAt);
    }

    public boolean isOngoing() {
        return endedAt == null;
    }
}
