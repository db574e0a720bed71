package org.cartpath.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.UserId;

/**
 * The chair's signed decision on an agenda item, with the votes it was taken on. An approval names the
 * treating centre (allocated by geography, capacity and patient preference: the chair's decision, recorded).
 *
 * @param reason    why, for a decline, a deferral or a request for information (what is asked for)
 * @param signature the chair's signature manifestation
 */
public record PanelDecision(
        UUID id,
        UUID agendaItemId,
        UUID meetingId,
        CaseId caseId,
        PanelOutcome outcome,
        OrganisationId treatingCentreId,
        String treatingCentreName,
        PanelAllocationBasis allocationBasis,
        String allocationReason,
        String reason,
        List<Vote> votes,
        UserId chairId,
        String chairName,
        Instant decidedAt,
        UUID signatureId,
        String signature,
        boolean signatureVerified) {

    public PanelDecision {
        votes = List.copyOf(votes);
    }

    /** A vote as the decision recorded it. */
    public record Vote(String memberId, String memberName, PanelOutcome vote, String comment) {
    }
}
