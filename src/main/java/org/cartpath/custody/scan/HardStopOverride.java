package org.cartpath.custody.scan;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * QA's override of a hard stop: QA signs with a reason, a second person co-signs, and only then is the stop
 * lifted ({@code effectiveAt}). The case stays flagged for ever. The override unblocks the case; it does not
 * turn the mismatch into a match, so the check still needs the right identifiers scanned.
 */
public record HardStopOverride(
        UUID id,
        UUID scanId,
        CaseId caseId,
        String reason,
        String qaName,
        String qaUserId,
        Instant requestedAt,
        String secondName,
        Instant effectiveAt,
        int version) {

    public boolean isEffective() {
        return effectiveAt != null;
    }
}
