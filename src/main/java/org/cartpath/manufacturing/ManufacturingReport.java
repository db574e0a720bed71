package org.cartpath.manufacturing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One status report from the manufacturer (or mirrored by a coordinator from the manufacturer's portal). */
public record ManufacturingReport(
        UUID id,
        int attempt,
        ManufacturingStatus status,
        FailureReason failureReason,
        FailureResolution resolution,
        String reason,
        LocalDate expectedReleaseOn,
        boolean mirrored,
        Instant reportedAt,
        String reportedBy) {
}
