package org.cartpath.referral;

import static org.cartpath.referral.ReferralRecords.ENTITY;
import static org.cartpath.referral.ReferralRecords.auditView;
import static org.cartpath.referral.ReferralRecords.requireReferringReferrer;
import static org.cartpath.referral.ReferralRecords.requireText;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseJourney;
import org.cartpath.referral.intake.AttachmentStore;
import org.cartpath.referral.intake.CheckedFile;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.referral.intake.ReferralStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation on a referral (ADR 0013): the referrer's answer to the centre's question (asked at triage,
 * {@link ReferralTriage}), with files if they like, after which the referral waits for triage again; and which
 * messages each organisation has read (the unread markers of its pages). Message texts live in the referral's own
 * tables, never in the audit trail.
 */
@Service
public class ReferralMessages {

    private final ReferralRecords records;
    private final ReferralStore referrals;
    private final AttachmentStore attachments;
    private final CaseJourney journey;
    private final AuditTrail audit;

    ReferralMessages(ReferralRecords records, ReferralStore referrals, AttachmentStore attachments, CaseJourney journey,
            AuditTrail audit) {
        this.records = records;
        this.referrals = referrals;
        this.attachments = attachments;
        this.journey = journey;
        this.audit = audit;
    }

    /** The referrer answers the centre's question, with files if they like; the referral waits for triage again. */
    @Transactional
    public ReferralView answer(Actor actor, ReferralId id, String answer, List<Upload> uploads) {
        Referral before = records.visibleForUpdate(actor, id);
        requireReferringReferrer(actor, before);
        String text = NewReferralChecks.text(answer);
        requireText("answer", text, 5000, "is required");
        Instant now = records.now();
        Referral after = before.answered(now);
        List<CheckedFile> files = records.checkFiles(attachments.count(id), uploads == null ? List.of() : uploads);
        records.save(after, before);
        UUID message = referrals.appendMessage(id, ReferralMessage.Kind.ANSWER, text, actor, now);
        files.forEach(f -> attachments.insert(id, message, f, actor, now));
        journey.note(actor, before.caseId(), "REFERRAL_INFORMATION_PROVIDED",
                "The referrer answered the centre's question" + (files.isEmpty() ? "" : " and added " + files.size()
                        + (files.size() == 1 ? " document" : " documents")));
        Map<String, Object> view = auditView(after);
        view.put("attachments", files.size());
        audit.record(actor, "REFERRAL_INFORMATION_PROVIDED", ENTITY, id.toString(), auditView(before), view, null);
        return records.assemble(actor, after, journey.get(actor, after.caseId()));
    }

    /** Marks the referral's messages as read by the actor's organisation (the unread markers of its pages). */
    @Transactional
    public void markRead(Actor actor, ReferralId id) {
        ReferralRoles.requireIdentityVisible(actor, id);
        ReferralRoles.requireReader(actor);
        records.caseOf(actor, referrals.find(id).orElseThrow(() -> new NotFoundException("referral", id)));
        referrals.markRead(id, actor.organisationId(), actor, records.now());
    }
}
