package org.cartpath.referral;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * A question from the centre or an answer from the referrer, in the order they were sent.
 *
 * @param unread whether the organisation reading the thread has not opened it since this was sent
 *               (always false for its own messages)
 */
public record ReferralMessage(
        UUID id,
        ReferralId referralId,
        int sequence,
        Kind kind,
        String body,
        String authorName,
        OrganisationId organisationId,
        String organisationName,
        Instant sentAt,
        boolean unread) {

    public enum Kind { QUESTION, ANSWER }
}
