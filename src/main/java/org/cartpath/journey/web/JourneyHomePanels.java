package org.cartpath.journey.web;

import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseFlags;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** The coordinator's home panel: open cases per stage and the most urgent tasks. */
@Component
class JourneyHomePanels implements HomePanelContributor {

    private final CaseJourney journey;
    private final List<CaseFlags> flags;

    JourneyHomePanels(CaseJourney journey, List<CaseFlags> flags) {
        this.journey = journey;
        this.flags = flags;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.COORDINATOR) || actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        Map<Stage, Long> counts = journey.countsByStage(actor);
        long open = counts.values().stream().mapToLong(Long::longValue).sum();
        Page<CaseJourney.WorklistItem> urgent = journey.worklist(actor, null, null, null, new Page.Request(0, 5));
        return List.of(new HomePanel(Role.COORDINATOR, "Worklist", "journey/home", "worklistSummary",
                Map.of("open", open, "counts", counts, "urgent", urgent.items(), "flags", CaseFlags.of(flags, actor,
                        urgent.items().stream().map(i -> i.therapyCase().id()).toList()))));
    }
}
