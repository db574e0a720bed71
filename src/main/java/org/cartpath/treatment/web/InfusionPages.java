package org.cartpath.treatment.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.treatment.InfusionRecord;
import org.cartpath.treatment.Infusions;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.readiness.InfusionReadiness.Unmet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The infusion page: what is still missing, the form for the ward nurse or consultant, and once recorded the record
 * itself. Recording it opens the monitoring board, where the patient is at day 0.
 */
@Controller
class InfusionPages {

    private static final Set<Stage> BEFORE_INFUSION = EnumSet.of(Stage.RELEASED, Stage.RECEIVED, Stage.LYMPHODEPLETION);

    static final String VIEW = "treatment/infusion";

    /** Who may open the monitoring board (MonitoringBoard refuses everyone else): the link is shown to them only. */
    private static final Role[] BOARD_READERS = {Role.WARD_NURSE, Role.CONSULTANT, Role.COORDINATOR, Role.PHARMACIST};

    private final Infusions infusions;
    private final CaseJourney journey;
    private final Clock clock;
    private final ZoneId zone;

    InfusionPages(Infusions infusions, CaseJourney journey, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.infusions = infusions;
        this.journey = journey;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{id}/infusion")
    String show(Actor actor, @PathVariable String id, Model model) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        Map<String, String> form = new HashMap<>();
        form.put("endedAt", now.format(LymphodepletionPages.LOCAL));
        form.put("bagsUsed", "1");
        return page(actor, CaseId.of(id), model, form, Map.of(), List.of());
    }

    @PostMapping("/cases/{id}/infusion")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        InfusionRecord infusion;
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Fields.required(problems, form.get("startedAt"), "startedAt");
            Fields.required(problems, form.get("endedAt"), "endedAt");
            Fields.required(problems, form.get("bagsUsed"), "bagsUsed");
            Infusions.InfusionRequest request = new Infusions.InfusionRequest(
                    Fields.localDateTime(form.get("startedAt"), "startedAt", zone, problems),
                    Fields.localDateTime(form.get("endedAt"), "endedAt", zone, problems),
                    Fields.whole(form.get("bagsUsed"), "bagsUsed", problems), form.get("reactions"),
                    "true".equals(form.get("developmentalDelay")), form.get("password"));
            Fields.check(problems);
            infusion = infusions.record(actor, caseId, request);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            @SuppressWarnings("unchecked")
            List<Unmet> unmet = e.properties().get("unmet") instanceof List<?> list ? (List<Unmet>) list : List.of();
            return page(actor, caseId, model, kept, FormErrors.of(e), unmet);
        }
        redirect.addFlashAttribute("success", "The infusion of " + journey.get(actor, caseId).therapyCase().reference()
                + " has been recorded: day 0 is " + infusion.dayZero() + " and toxicity monitoring has started.");
        return "redirect:/monitoring";
    }

    private String page(Actor actor, CaseId caseId, Model model, Map<String, String> form, Map<String, String> errors,
            List<Unmet> refused) {
        CaseView view = journey.get(actor, caseId);
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("infusion", infusions.infusion(actor, caseId).orElse(null));
        boolean mayRecord = TreatmentAccess.may(actor, view, Role.WARD_NURSE, Role.CONSULTANT)
                && view.therapyCase().stage() == Stage.LYMPHODEPLETION;
        model.addAttribute("mayRecord", mayRecord);
        // Before the infusion the page says what is still missing, from the product's release on.
        model.addAttribute("readiness", BEFORE_INFUSION.contains(view.therapyCase().stage())
                ? infusions.readiness(actor, caseId) : null);
        model.addAttribute("stageLabel", view.therapyCase().stage().label());
        model.addAttribute("mayOpenBoard", actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasAnyRole(BOARD_READERS));
        model.addAttribute("refused", refused);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
