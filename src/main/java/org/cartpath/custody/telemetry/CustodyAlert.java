package org.cartpath.custody.telemetry;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/** An alert to the coordinator and QA about a temperature excursion, open until someone acknowledges it. */
public record CustodyAlert(
        UUID id,
        CaseId caseId,
        String caseReference,
        UUID shipmentId,
        String shipperId,
        UUID excursionId,
        String summary,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedByName,
        String acknowledgementNote) {

    public boolean isOpen() {
        return acknowledgedAt == null;
    }
}
