package org.cartpath.journey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * A work queue on the home page of each centre role whose work is a case's task: the open tasks waiting for that role,
 * urgent cases first, then overdue first, each with the patient's name and NHS number beside the case reference (the
 * names' read is logged); the first {@link #SHOWN}, and a link to all of them ({@code /tasks}). The apheresis nurse's,
 * the laboratory's, the pharmacist's and QA's queue is their main panel; the consultant and the ward nurse see it
 * beside their own.
 */
@Component
class WorkQueueHomePanels implements HomePanelContributor {

    /** The role's queue and the title it takes on the home page (a role's default title makes it the main panel). */
    private static final Map<Role, String> QUEUES = Map.of(
            Role.APHERESIS_NURSE, "Apheresis",
            Role.CELL_THERAPY_LAB, "Cell-therapy laboratory",
            Role.PHARMACIST, "Lymphodepletion",
            Role.QA, "Quality assurance",
            Role.DATA_MANAGER, "Registry tasks",
            Role.WARD_NURSE, "Your tasks",
            Role.CONSULTANT, "Your tasks");

    static final int SHOWN = 10;

    private final CaseJourney journey;
    private final PatientManagement patients;

    WorkQueueHomePanels(CaseJourney journey, PatientManagement patients) {
        this.journey = journey;
        this.patients = patients;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        List<HomePanel> panels = new ArrayList<>();
        for (Role role : Role.values()) {
            String title = QUEUES.get(role);
            if (title == null || !actor.hasRole(role)) {
                continue;
            }
            Page<CaseJourney.WorklistItem> tasks = journey.openTasksFor(actor, Set.of(role), new Page.Request(0, SHOWN));
            panels.add(new HomePanel(role, title, "journey/home", "workQueue",
                    Map.of("tasks", tasks.items(), "total", tasks.total(), "role", role, "shown", SHOWN,
                            "names", TaskListController.names(patients, actor, tasks.items(),
                                    "Work queue on the home page"))));
        }
        return panels;
    }
}
