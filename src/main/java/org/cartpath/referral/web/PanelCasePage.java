package org.cartpath.referral.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.referral.NationalPanel;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** The panel on the case page: the coordinator's submission, and the case's meetings and decisions. */
@Component
class PanelCasePage implements CasePageContributor {

    private final NationalPanel panel;

    PanelCasePage(NationalPanel panel) {
        this.panel = panel;
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        return panel.maySubmit(actor, view)
                ? List.of(new CaseAction("Submit to the national panel", "/cases/" + view.therapyCase().id() + "/panel", true))
                : List.of();
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!view.identityVisible()) {
            return List.of();
        }
        List<NationalPanel.CaseHistoryEntry> history = panel.historyOfCase(actor, view.therapyCase().id());
        if (history.isEmpty()) {
            return List.of();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("history", history);
        model.put("caseId", view.therapyCase().id());
        model.put("panelMember", actor.organisationKind() == OrganisationKind.NATIONAL_PANEL && actor.hasRole(Role.PANEL_MEMBER));
        return List.of(new CasePanel("National CAR-T panel", "referral/panel-fragments", "casePanel", model, 30));
    }
}
