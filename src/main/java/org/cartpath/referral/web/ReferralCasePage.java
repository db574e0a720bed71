package org.cartpath.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.referral.Referrals;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The referral's part of the case page: "Triage the referral" for the centre's coordinators while it waits,
 * and a panel with the referral, its files and messages.
 */
@Component
class ReferralCasePage implements CasePageContributor {

    private final Referrals referrals;

    ReferralCasePage(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        List<CaseAction> actions = new ArrayList<>();
        referrals.ofCase(actor, view).ifPresent(referral -> {
            if (referral.mayTriage()) {
                actions.add(new CaseAction("Triage the referral", "/referrals/" + referral.referral().id() + "/triage",
                        true));
            }
        });
        return actions; // "Assess eligibility" is the eligibility pages' own action (EligibilityCasePage)
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        return referrals.ofCase(actor, view)
                .map(referral -> List.of(new CasePanel("Referral", "referral/referral-fragments", "casePanel",
                        Map.of("view", referral), 10)))
                .orElse(List.of());
    }
}
