package org.cartpath.referral.web;

import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** A consultant's home page: the centre's triaged cases waiting for an eligibility assessment, oldest first. */
@Component
class EligibilityHomePanel implements HomePanelContributor {

    private final CaseJourney journey;

    EligibilityHomePanel(CaseJourney journey) {
        this.journey = journey;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.CONSULTANT) || actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        Page<CaseJourney.WorklistItem> waiting = journey.worklist(actor, Stage.TRIAGED, null, null, new Page.Request(0, 10));
        return List.of(new HomePanel(Role.CONSULTANT, "Your patients", "referral/eligibility-fragments", "homePanel",
                Map.of("waiting", waiting.items(), "total", waiting.total())));
    }
}
