package org.cartpath.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The referral's part of the case page: "Triage the referral" for the centre's coordinators while it waits,
 * "Assess eligibility" once the case is triaged (the eligibility pages live at {@code /cases/{id}/eligibility}),
 * and a panel with the referral, its files and messages.
 */
@Component
class ReferralCasePage implements CasePageContributor {

    private final ReferralManagement referrals;

    ReferralCasePage(ReferralManagement referrals) {
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
        boolean centreClinician = view.identityVisible() && view.therapyCase().treatingCentre().equals(actor.organisationId())
                && actor.hasAnyRole(Role.CONSULTANT, Role.COORDINATOR);
        if (centreClinician && view.therapyCase().stage() == Stage.TRIAGED) {
            actions.add(new CaseAction("Assess eligibility", "/cases/" + view.therapyCase().id() + "/eligibility", true));
        }
        return actions;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        return referrals.ofCase(actor, view)
                .map(referral -> List.of(new CasePanel("Referral", "referral/referral-fragments", "casePanel",
                        Map.of("view", referral), 10)))
                .orElse(List.of());
    }
}
