package org.cartpath.reporting.web;

import java.util.List;
import java.util.Map;
import org.cartpath.reporting.ServiceFigureQueries;
import org.cartpath.reporting.ServiceFigures;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The analyst's home: the service's figures for their centre, or every centre for a commissioner's analyst; figures
 * only, never a case or a patient.
 */
@Component
class AnalystHomePanel implements HomePanelContributor {

    private final ServiceFigureQueries queries;

    AnalystHomePanel(ServiceFigureQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.ANALYST) || actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE
                && actor.organisationKind() != OrganisationKind.COMMISSIONER) {
            return List.of();
        }
        ServiceFigures figures = queries.figures(actor);
        return List.of(new HomePanel(Role.ANALYST, "Outcomes and activity", "reporting/home", "figures",
                Map.of("figures", figures, "scope", figures.centre() == null ? "every treatment centre"
                        : actor.organisationName())));
    }
}
