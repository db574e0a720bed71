package org.cartpath.referral.web;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cartpath.journey.CaseFlags;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.Urgency;
import org.cartpath.referral.intake.ReferralStore;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks the cases the referrer asked to be seen urgently, on the coordinator's worklist and home page, and puts them
 * first in every list of cases and tasks. The cases are those the journey module already scoped to the actor; this
 * adds only the referral's urgency, never a patient's data.
 */
@Component
class ReferralCaseFlags implements CaseFlags {

    private final ReferralStore referrals;

    ReferralCaseFlags(ReferralStore referrals) {
        this.referrals = referrals;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CaseId, String> flags(Actor actor, Collection<CaseId> cases) {
        return referrals.urgentAmong(cases).stream()
                .collect(Collectors.toMap(Function.identity(), id -> Urgency.URGENT.label()));
    }

    /** A case the referrer asked to be seen urgently comes first in every list (journey's {@code CaseUrgency}). */
    @Override
    @Transactional(readOnly = true)
    public java.util.Set<CaseId> urgent(Actor actor, Collection<CaseId> cases) {
        return referrals.urgentAmong(cases);
    }
}
