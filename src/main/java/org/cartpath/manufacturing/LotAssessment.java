package org.cartpath.manufacturing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** cartpath's check of a lot, stored as it was shown: the checks, the weight used and the label version. */
public record LotAssessment(ReleaseChecks.Result result, List<LotCheck> checks, BigDecimal weightKg, LocalDate weighedOn,
        String labelVersionId, Instant checkedAt, String checkedBy) {
}
