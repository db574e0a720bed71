package org.cartpath.manufacturing;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed decision about a lot: the consultant's decision to give an out-of-specification lot by an
 * exceptional route, and the centre QA's acceptance (for an out-of-specification lot, the second signature).
 */
public record LotDecision(Kind kind, ExceptionalRoute route, String reason, UUID signatureId, String decidedBy,
        Instant decidedAt) {

    public enum Kind { OUT_OF_SPECIFICATION_DECISION, QA_ACCEPTANCE }
}
