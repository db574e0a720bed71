package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dose of tocilizumab given for CRS, with the weight-based dose it was checked against. A dose recorded
 * against a rule names the rules a consultant overrode, their reason and the signature that carries it.
 */
public record TocilizumabDoseGiven(
        UUID id,
        Instant givenAt,
        BigDecimal doseMg,
        BigDecimal weightKg,
        BigDecimal weightBasedDoseMg,
        List<String> overriddenRules,
        String overrideReason,
        UUID overrideSignatureId,
        String recordedByName,
        Instant recordedAt) {

    public boolean overridden() {
        return !overriddenRules.isEmpty();
    }
}
