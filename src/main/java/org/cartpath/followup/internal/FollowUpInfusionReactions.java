package org.cartpath.followup.internal;

import org.cartpath.followup.FollowUpPlans;
import org.cartpath.treatment.InfusionRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follow-up's side of treatment, which comes before it and never calls it: the case's follow-up plan is made when
 * the infusion is recorded, in the infusion's transaction, so an infused case never lacks its plan (as monitoring
 * starts in the same transaction; docs/adr/0020-module-dependencies-and-reactions.md).
 */
@Component
class FollowUpInfusionReactions {

    private final FollowUpPlans plans;

    FollowUpInfusionReactions(FollowUpPlans plans) {
        this.plans = plans;
    }

    @EventListener
    void on(InfusionRecorded infused) {
        plans.planAfterInfusion(infused.actor(), infused.caseId(), infused.infusedAt());
    }
}
