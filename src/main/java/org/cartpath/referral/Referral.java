package org.cartpath.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;

/**
 * A referral of one patient to one treatment centre. Its status changes only through the guarded methods
 * below, each refusing (409, current status named) what triage does not allow.
 *
 * @param caseId       the therapy case the referral opened
 * @param centre       the treatment centre referred to, the case's treating centre
 * @param referredBy   the display name of the person or system that referred
 * @param declineReason why the centre declined; only when {@link ReferralStatus#DECLINED}
 */
public record Referral(
        ReferralId id,
        CaseId caseId,
        UUID patientId,
        OrganisationId referringOrganisation,
        OrganisationId centre,
        String referredById,
        String referredBy,
        String productCode,
        String indication,
        String jurisdiction,
        Urgency urgency,
        String clinicalSummary,
        ReferralStatus status,
        String declineReason,
        int version,
        Instant submittedAt,
        Instant updatedAt) {

    /** The centre accepts the referral: only one waiting for triage. */
    public Referral accept(Instant at) {
        requireStatus(ReferralStatus.SUBMITTED, "referral-not-awaiting-triage", "accepted");
        return with(ReferralStatus.ACCEPTED, null, at);
    }

    /** The centre declines the referral, with a reason: only one waiting for triage. */
    public Referral decline(String reason, Instant at) {
        requireStatus(ReferralStatus.SUBMITTED, "referral-not-awaiting-triage", "declined");
        return with(ReferralStatus.DECLINED, reason, at);
    }

    /** The centre asks the referrer a question: only of a referral waiting for triage. */
    public Referral requestInformation(Instant at) {
        requireStatus(ReferralStatus.SUBMITTED, "referral-not-awaiting-triage", "sent back with a question");
        return with(ReferralStatus.MORE_INFORMATION_REQUESTED, null, at);
    }

    /** The referrer answers the centre's question; the referral waits for triage again. */
    public Referral answered(Instant at) {
        requireStatus(ReferralStatus.MORE_INFORMATION_REQUESTED, "referral-not-awaiting-answer", "answered");
        return with(ReferralStatus.SUBMITTED, null, at);
    }

    /** Files may be added until the centre declines the referral. */
    public void requireOpenForFiles() {
        if (status == ReferralStatus.DECLINED) {
            throw refusal("referral-declined", "Referral was declined; no more files can be added to it");
        }
    }

    private void requireStatus(ReferralStatus wanted, String type, String what) {
        if (status != wanted) {
            throw refusal(type, "This referral is '" + status.label() + "'; it cannot be " + what + " now");
        }
    }

    private ProblemException refusal(String type, String detail) {
        return new ProblemException(type, 409, "Conflict with the current state", detail, List.of(),
                Map.of("currentStatus", status.name()));
    }

    private Referral with(ReferralStatus next, String reason, Instant at) {
        return new Referral(id, caseId, patientId, referringOrganisation, centre, referredById, referredBy, productCode,
                indication, jurisdiction, urgency, clinicalSummary, next, reason, version + 1, submittedAt, at);
    }
}
