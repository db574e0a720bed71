package org.cartpath.journey.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every open task a home work queue stands for ("See all N tasks"): one role's ({@code ?role=}) or all of the
 * person's, urgent cases first, page by page, with the patient beside the case (each name's read is logged).
 */
@Controller
class TaskListController {

    static final String VIEW = "journey/tasks";
    static final int PAGE_SIZE = 50;

    private final CaseJourney journey;
    private final PatientManagement patients;

    TaskListController(CaseJourney journey, PatientManagement patients) {
        this.journey = journey;
        this.patients = patients;
    }

    @GetMapping("/tasks")
    String tasks(Actor actor, @RequestParam(required = false) String role, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Role selected = RequestFields.choice(role == null || role.isBlank() ? null : role, Role.class, "role");
        if (selected != null && !actor.hasRole(selected) && !actor.hasRole(Role.COORDINATOR)) {
            throw ProblemException.forbidden("These are the tasks of another role");
        }
        Set<Role> roles = selected != null ? Set.of(selected) : EnumSet.allOf(Role.class);
        Page<CaseJourney.WorklistItem> tasks = journey.openTasksFor(actor, roles,
                new Page.Request(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("tasks", tasks);
        model.addAttribute("role", selected);
        model.addAttribute("names", names(patients, actor, tasks.items(), "Task list"));
        model.addAttribute("hasNext", (long) (tasks.page() + 1) * tasks.size() < tasks.total());
        return VIEW;
    }

    /** The patients' names beside the cases of a list of tasks, by patient id; each read is logged with {@code purpose}. */
    static Map<UUID, PatientSummary> names(PatientManagement patients, Actor actor,
            Collection<CaseJourney.WorklistItem> items, String purpose) {
        Map<UUID, PatientSummary> names = new HashMap<>();
        var ids = items.stream().map(t -> t.therapyCase().patientId()).filter(Objects::nonNull).distinct()
                .map(PatientId::new).toList();
        if (!ids.isEmpty()) {
            patients.listed(actor, ids, purpose).forEach((id, summary) -> names.put(id.value(), summary));
        }
        return names;
    }
}
