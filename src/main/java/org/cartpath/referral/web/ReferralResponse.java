package org.cartpath.referral.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;
import org.cartpath.referral.Referral;
import org.cartpath.referral.ReferralAttachment;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.ReferralMessage;
import org.cartpath.referral.ReferralStatus;
import org.cartpath.referral.ReferralSummary;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.Urgency;
import org.cartpath.shared.OrganisationId;

/** A referral in the API: its fields, its case's reference and stage, the thread and the files (without content). */
record ReferralResponse(
        ReferralId id,
        CaseId caseId,
        String caseReference,
        Stage caseStage,
        String caseStageLabel,
        UUID patientId,
        OrganisationId referringOrganisationId,
        String referringOrganisationName,
        OrganisationId centreId,
        String centreName,
        String referredBy,
        String productCode,
        String indication,
        String jurisdiction,
        Urgency urgency,
        String clinicalSummary,
        ReferralStatus status,
        String declineReason,
        Instant submittedAt,
        Instant updatedAt,
        int version,
        long unreadMessages,
        List<Message> messages,
        List<ReferralAttachment> attachments) {

    static ReferralResponse of(ReferralView v) {
        Referral r = v.referral();
        return new ReferralResponse(r.id(), r.caseId(), v.caseReference(), v.caseStage(), v.caseStage().label(),
                r.patientId(), r.referringOrganisation(), v.referringOrganisationName(), r.centre(), v.centreName(),
                r.referredBy(), r.productCode(), r.indication(), r.jurisdiction(), r.urgency(), r.clinicalSummary(),
                r.status(), r.declineReason(), r.submittedAt(), r.updatedAt(), r.version(), v.unreadCount(),
                v.messages().stream().map(Message::of).toList(), v.attachments());
    }

    /** A question or an answer; {@code unread} from the caller's organisation's point of view. */
    record Message(UUID id, int sequence, ReferralMessage.Kind kind, String body, String authorName,
            String organisationName, Instant sentAt, boolean unread) {

        static Message of(ReferralMessage m) {
            return new Message(m.id(), m.sequence(), m.kind(), m.body(), m.authorName(), m.organisationName(),
                    m.sentAt(), m.unread());
        }
    }

    /** A line of the list of referrals. */
    record Line(ReferralId id, CaseId caseId, String caseReference, Stage caseStage, String caseStageLabel,
            UUID patientId, String referringOrganisationName, String centreName, String productCode, String indication,
            Urgency urgency, ReferralStatus status, Instant submittedAt, Instant lastUpdate, long unreadMessages) {

        static Line of(ReferralSummary s) {
            Referral r = s.referral();
            return new Line(r.id(), r.caseId(), s.caseReference(), s.caseStage(), s.caseStage().label(), r.patientId(),
                    s.referringOrganisationName(), s.centreName(), r.productCode(), r.indication(), r.urgency(),
                    r.status(), r.submittedAt(), s.lastUpdate(), s.unreadMessages());
        }
    }
}
