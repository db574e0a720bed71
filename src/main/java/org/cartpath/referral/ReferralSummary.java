package org.cartpath.referral;

import java.time.Instant;
import org.cartpath.journey.Stage;

/**
 * A line of a list of referrals: the referral, its case's reference and stage, when anything last happened,
 * and how many messages the reader's organisation has not read.
 */
public record ReferralSummary(
        Referral referral,
        String caseReference,
        Stage caseStage,
        String referringOrganisationName,
        String centreName,
        Instant lastUpdate,
        long unreadMessages) {
}
