package org.cartpath.journey.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseFlags;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page and the coordinator's worklist. */
@Controller
class CasePageController {

    static final String CASE_VIEW = "journey/case";
    static final String WORKLIST_VIEW = "journey/worklist";

    private final CaseJourney journey;
    private final OrganisationManagement organisations;
    private final List<CasePageContributor> contributors;
    private final PatientManagement patients;
    private final Catalogue catalogue;
    private final List<CaseFlags> flags;

    CasePageController(CaseJourney journey, OrganisationManagement organisations, List<CasePageContributor> contributors,
            PatientManagement patients, Catalogue catalogue, List<CaseFlags> flags) {
        this.catalogue = catalogue;
        this.flags = flags;
        this.journey = journey;
        this.organisations = organisations;
        this.contributors = contributors;
        this.patients = patients;
    }

    @GetMapping("/cases/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        CaseView view = journey.get(actor, CaseId.of(id));
        return render(actor, view, model, Map.of());
    }

    @PostMapping("/cases/{id}/withdrawal")
    String withdraw(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "WITHDRAWN") String ending, Model model, RedirectAttributes redirect) {
        CaseView view = journey.get(actor, CaseId.of(id));
        try {
            JourneyRules.requireMayEnd(actor, view);
            Stage stage = RequestFields.choice(ending, Stage.class, "ending");
            journey.end(actor, view.therapyCase().id(), stage, reason);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return render(actor, view, model, FormErrors.of(e));
        }
        redirect.addFlashAttribute("success", "The case has been closed.");
        return "redirect:/cases/" + id;
    }

    private String render(Actor actor, CaseView view, Model model, Map<String, String> errors) {
        Map<OrganisationId, String> names = organisations.directory().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
        model.addAttribute("view", view);
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("patient", patientOf(actor, view));
        model.addAttribute("productName", productName(view.visibleCase().productCode()));
        model.addAttribute("indicationLabel", indicationLabel(view.visibleCase().indication()));
        model.addAttribute("referringName", names.get(view.therapyCase().referringOrganisation()));
        model.addAttribute("centreName", names.get(view.therapyCase().treatingCentre()));
        model.addAttribute("timeline", journey.timeline(actor, view.therapyCase().id()));
        List<CaseTask> tasks = journey.tasks(actor, view.therapyCase().id());
        model.addAttribute("tasks", tasks);
        model.addAttribute("actions", contributors.stream().flatMap(c -> c.actions(actor, view).stream()).toList());
        model.addAttribute("nextSteps", NextStep.of(actor, tasks));
        model.addAttribute("panels", contributors.stream().flatMap(c -> c.panels(actor, view).stream())
                .sorted(Comparator.comparingInt(CasePanel::order)).toList());
        model.addAttribute("mayEnd", JourneyRules.mayEnd(actor, view));
        model.addAttribute("errors", errors);
        model.addAttribute("today", journey.today());
        return CASE_VIEW;
    }

    /**
     * Who the case is for, at the top of its page: name, NHS number and date of birth are how staff tell one child's
     * cells from another's. Null for those who may not see the patient (manufacturers, couriers, organisations without
     * access to the record, and roles that read no patient record: analysts, auditors, administrators — ADR 0019: they
     * see their centre's cases, not its patients); the read is logged like any other.
     */
    private Demographics patientOf(Actor actor, CaseView view) {
        if (!view.identityVisible() || view.therapyCase().patientId() == null || !patients.maySearch(actor)) {
            return null;
        }
        try {
            return patients.get(actor, new PatientId(view.therapyCase().patientId()), "Case page").demographics();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The product's name from the catalogue ("Kymriah (tisagenlecleucel)"), else the code as stored. */
    private String productName(String code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(ProductCode.values()).filter(p -> p.name().equals(code)).findFirst()
                .map(p -> catalogue.product(p)).map(p -> p.name() + " (" + p.inn() + ")").orElse(code);
    }

    private static String indicationLabel(String code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(Indication.values()).filter(i -> i.name().equals(code)).findFirst().map(Indication::label)
                .orElse(code);
    }

    @GetMapping("/worklist")
    String worklist(Actor actor, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String product, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Stage selected = RequestFields.choice(stage == null || stage.isBlank() ? null : stage, Stage.class, "stage");
        Page<CaseJourney.WorklistItem> items = journey.worklist(actor, selected, product, q,
                new Page.Request(Math.max(0, page), 50));
        model.addAttribute("items", items);
        model.addAttribute("flags", CaseFlags.of(flags, actor, items.items().stream()
                .map(i -> i.therapyCase().id()).toList()));
        // the patient's name and NHS number beside each case, as on the home work queues (each read is logged)
        Map<UUID, PatientSummary> patientNames = new HashMap<>();
        patients.listed(actor, items.items().stream().map(i -> i.therapyCase().patientId())
                        .filter(Objects::nonNull).map(PatientId::new).toList(), "Worklist")
                .forEach((id, summary) -> patientNames.put(id.value(), summary));
        model.addAttribute("names", patientNames);
        model.addAttribute("counts", journey.countsByStage(actor));
        model.addAttribute("selectedStage", selected);
        model.addAttribute("product", product == null ? "" : product);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("today", journey.today());
        return WORKLIST_VIEW;
    }

    /**
     * "What happens next, and who does it", at the top of the case page: the case's open tasks, soonest due first,
     * each with the role that does it and whether the person looking holds it; the actions the person may take (the
     * pages where the work is done) follow in the same block.
     */
    record NextStep(CaseTask task, boolean yours) {

        static final int SHOWN = 3;

        static List<NextStep> of(Actor actor, List<CaseTask> tasks) {
            return tasks.stream().filter(CaseTask::isOpen)
                    .sorted(Comparator.comparing(CaseTask::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                    .limit(SHOWN)
                    .map(task -> new NextStep(task, task.role() != null && actor.hasRole(task.role())))
                    .toList();
        }
    }

    /** Who may close a case early: the treating centre's coordinators and consultants. */
    static final class JourneyRules {
        private JourneyRules() {
        }

        static boolean mayEnd(Actor actor, CaseView view) {
            return view.therapyCase().isOpen() && allowedToEnd(actor, view);
        }

        private static boolean allowedToEnd(Actor actor, CaseView view) {
            return view.identityVisible() && actor.organisationId() != null
                    && actor.organisationId().equals(view.therapyCase().treatingCentre())
                    && actor.hasAnyRole(Role.COORDINATOR, Role.CONSULTANT);
        }

        /** The role check; whether the case can still end is the stage order's answer (409). */
        static void requireMayEnd(Actor actor, CaseView view) {
            if (!allowedToEnd(actor, view)) {
                throw ProblemException.forbidden("Only the treating centre's coordinators and consultants close a case");
            }
        }
    }
}
