package org.cartpath.journey.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * A work queue on the home page of each centre role whose work is a case's task: the open tasks waiting for that role,
 * overdue first, each with the patient's name and NHS number beside the case reference (the names' read is logged).
 * The apheresis nurse's, the laboratory's, the pharmacist's and QA's queue is their main panel; the consultant and the
 * ward nurse see it beside their own.
 */
@Component
class WorkQueueHomePanels implements HomePanelContributor {

    /** The role's queue and the title it takes on the home page (a role's default title makes it the main panel). */
    private static final Map<Role, String> QUEUES = Map.of(
            Role.APHERESIS_NURSE, "Apheresis",
            Role.CELL_THERAPY_LAB, "Cell-therapy laboratory",
            Role.PHARMACIST, "Lymphodepletion",
            Role.QA, "Quality assurance",
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
            List<CaseJourney.WorklistItem> tasks = journey.openTasksFor(actor, Set.of(role), SHOWN);
            Map<UUID, PatientSummary> names = new HashMap<>();
            patients.listed(actor, tasks.stream().map(t -> t.therapyCase().patientId()).filter(Objects::nonNull)
                    .map(PatientId::new).toList(), "Work queue on the home page")
                    .forEach((id, summary) -> names.put(id.value(), summary));
            panels.add(new HomePanel(role, title, "journey/home", "workQueue",
                    Map.of("tasks", tasks, "names", names, "role", role, "shown", SHOWN)));
        }
        return panels;
    }
}
