package org.cartpath.journey.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseFlags;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The coordinator's home panel: open cases per stage and the centre's open tasks, whoever does them (the coordinator
 * follows every step), urgent cases first; the first {@link #SHOWN} with the patient beside the case, and a link to
 * all of them ({@code /tasks}).
 */
@Component
class JourneyHomePanels implements HomePanelContributor {

    static final int SHOWN = 10;

    private final CaseJourney journey;
    private final List<CaseFlags> flags;
    private final PatientManagement patients;

    JourneyHomePanels(CaseJourney journey, List<CaseFlags> flags, PatientManagement patients) {
        this.journey = journey;
        this.flags = flags;
        this.patients = patients;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.COORDINATOR) || actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        Map<Stage, Long> counts = journey.countsByStage(actor);
        long open = counts.values().stream().mapToLong(Long::longValue).sum();
        Page<CaseJourney.WorklistItem> tasks = journey.openTasksFor(actor, EnumSet.allOf(Role.class),
                new Page.Request(0, SHOWN));
        return List.of(new HomePanel(Role.COORDINATOR, "Worklist", "journey/home", "worklistSummary",
                Map.of("open", open, "counts", counts, "tasks", tasks.items(), "total", tasks.total(),
                        "names", TaskListController.names(patients, actor, tasks.items(), "Work queue on the home page"),
                        "flags", CaseFlags.of(flags, actor, tasks.items().stream().map(i -> i.therapyCase().id())
                                .distinct().toList()))));
    }
}
