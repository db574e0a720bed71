package org.cartpath.journey;

import java.time.Instant;

/**
 * One thing that happened to a case, in order. A stage change has {@code fromStage} and {@code toStage};
 * a note (a label printed, a document added) has neither.
 */
public record TimelineEntry(
        CaseId caseId,
        int sequence,
        Instant at,
        String actorName,
        String organisationName,
        String kind,
        Stage fromStage,
        Stage toStage,
        String summary) {
}
