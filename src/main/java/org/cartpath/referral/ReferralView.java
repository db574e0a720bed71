package org.cartpath.referral;

import java.util.List;
import org.cartpath.journey.Stage;

/**
 * A referral as an actor of one of its organisations sees it: with the case's reference and stage, the
 * names of the organisations, its messages (unread markers for the reader's organisation) and attachments.
 *
 * @param mayTriage whether the reader is a coordinator of the centre and the referral waits for triage
 * @param mayAnswer whether the reader is a referrer of the referring organisation and a question is open
 * @param mayAttach whether the reader may add files now
 */
public record ReferralView(
        Referral referral,
        String caseReference,
        Stage caseStage,
        String referringOrganisationName,
        String centreName,
        List<ReferralMessage> messages,
        List<ReferralAttachment> attachments,
        boolean mayTriage,
        boolean mayAnswer,
        boolean mayAttach) {

    public long unreadCount() {
        return messages.stream().filter(ReferralMessage::unread).count();
    }

    /** The question waiting for the referrer's answer, if any. */
    public ReferralMessage openQuestion() {
        if (referral.status() != ReferralStatus.MORE_INFORMATION_REQUESTED) {
            return null;
        }
        return messages.stream().filter(m -> m.kind() == ReferralMessage.Kind.QUESTION)
                .reduce((first, second) -> second).orElse(null);
    }
}
