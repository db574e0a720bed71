package org.cartpath.referral;

import static org.cartpath.referral.ReferralRecords.ENTITY;
import static org.cartpath.referral.ReferralRecords.auditView;
import static org.cartpath.referral.ReferralRecords.requireText;

import java.time.Instant;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.referral.intake.ReferralStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The treatment centre's triage of a referral (ADR 0013): its coordinator accepts it (the case moves to Triaged),
 * declines it with a reason (the case ends as Declined), or asks the referrer a question, which
 * {@link ReferralMessages} carries on. One transaction with the journey's calls; audited last.
 */
@Service
public class ReferralTriage {

    private final ReferralRecords records;
    private final ReferralStore referrals;
    private final CaseJourney journey;
    private final AuditTrail audit;

    ReferralTriage(ReferralRecords records, ReferralStore referrals, CaseJourney journey, AuditTrail audit) {
        this.records = records;
        this.referrals = referrals;
        this.journey = journey;
        this.audit = audit;
    }

    /**
     * The centre's coordinator triages a referral waiting for triage (409 {@code referral-not-awaiting-triage}
     * otherwise): accept (the case moves to Triaged), decline with a reason (the case ends as Declined), or ask
     * the referrer a question (the referral waits for their answer).
     */
    @Transactional
    public ReferralView triage(Actor actor, ReferralId id, TriageDecision decision) {
        Referral before = records.visibleForUpdate(actor, id);
        ReferralRoles.requireCoordinator(actor);
        if (!before.centre().equals(actor.organisationId())) {
            throw ProblemException.forbidden("Only the centre the patient was referred to triages the referral");
        }
        TriageDecision d = checkDecision(decision);
        Instant now = records.now();
        Referral after;
        String action;
        switch (d.outcome()) {
            case ACCEPT -> {
                after = before.accept(now);
                journey.advance(actor, before.caseId(), Stage.TRIAGED, "Referral accepted by " + actor.organisationName());
                action = "REFERRAL_ACCEPTED";
            }
            case DECLINE -> {
                after = before.decline(d.reason(), now);
                journey.end(actor, before.caseId(), Stage.DECLINED, d.reason());
                action = "REFERRAL_DECLINED";
            }
            default -> {
                after = before.requestInformation(now);
                referrals.appendMessage(id, ReferralMessage.Kind.QUESTION, d.question(), actor, now);
                journey.note(actor, before.caseId(), "MORE_INFORMATION_REQUESTED",
                        actor.organisationName() + " asked the referrer for more information");
                action = "REFERRAL_INFORMATION_REQUESTED";
            }
        }
        records.save(after, before);
        audit.record(actor, action, ENTITY, id.toString(), auditView(before), auditView(after),
                d.outcome() == TriageDecision.Outcome.DECLINE ? d.reason() : null);
        return records.assemble(actor, after, journey.get(actor, after.caseId()));
    }

    private static TriageDecision checkDecision(TriageDecision decision) {
        if (decision == null || decision.outcome() == null) {
            throw ProblemException.invalid("decision", "is required: ACCEPT, DECLINE or REQUEST_INFORMATION");
        }
        String reason = NewReferralChecks.text(decision.reason());
        String question = NewReferralChecks.text(decision.question());
        if (decision.outcome() == TriageDecision.Outcome.DECLINE) {
            requireText("reason", reason, 2000, "is required: give the reason the referral is declined");
        }
        if (decision.outcome() == TriageDecision.Outcome.REQUEST_INFORMATION) {
            requireText("question", question, 5000, "is required: say what the centre needs to know");
        }
        return new TriageDecision(decision.outcome(), reason, question);
    }
}
