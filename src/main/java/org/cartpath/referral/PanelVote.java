package org.cartpath.referral;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.UserId;

/** One member's vote on one agenda item; a member votes once. */
public record PanelVote(UUID id, UUID agendaItemId, UserId memberId, String memberName, PanelOutcome vote,
        String comment, Instant castAt) {
}
