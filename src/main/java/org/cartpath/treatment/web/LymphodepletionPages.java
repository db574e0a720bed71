package org.cartpath.treatment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.Lymphodepletion;
import org.cartpath.treatment.LymphodepletionPlanning;
import org.cartpath.treatment.LymphodepletionStatus;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lymphodepletion page: the pharmacist plans and verifies, the nurse records each dose. */
@Controller
class LymphodepletionPages {

    static final String VIEW = "treatment/lymphodepletion";
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final LymphodepletionPlanning planning;
    private final Lymphodepletion lymphodepletion;
    private final CaseJourney journey;
    private final Clock clock;
    private final ZoneId zone;

    LymphodepletionPages(LymphodepletionPlanning planning, Lymphodepletion lymphodepletion, CaseJourney journey,
            Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.planning = planning;
        this.lymphodepletion = lymphodepletion;
        this.journey = journey;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{id}/lymphodepletion")
    String show(Actor actor, @PathVariable String id, Model model) {
        return page(actor, CaseId.of(id), model, new HashMap<>(), Map.of());
    }

    @PostMapping("/cases/{id}/lymphodepletion/plans")
    String plan(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            LymphodepletionPlanning.PlanRequest request = new LymphodepletionPlanning.PlanRequest(
                    Fields.text(form, "regimenId"), Fields.date(form.get("anchorOn"), "anchorOn", problems),
                    Fields.date(form.get("plannedInfusionOn"), "plannedInfusionOn", problems), form.get("reason"),
                    form.get("renalOverrideReason"), form.get("renalOverridePassword"),
                    Fields.number(form.get("measuredGfrMlPerMinPer173m2"), "measuredGfrMlPerMinPer173m2", problems),
                    Fields.date(form.get("measuredGfrOn"), "measuredGfrOn", problems));
            // the page's own name for the signing password (the verification form below has "password")
            String overrideReason = form.get("renalOverrideReason");
            String overridePassword = form.get("renalOverridePassword");
            if (overrideReason != null && !overrideReason.isBlank() && (overridePassword == null
                    || overridePassword.isEmpty())) {
                problems.add(new FieldProblem("renalOverridePassword", "is needed to sign the reason for the renal"
                        + " estimate"));
            }
            Fields.check(problems);
            planning.plan(actor, caseId, request);
        } catch (ProblemException e) {
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("renalOverridePassword");
            return refused(actor, caseId, model, kept, e);
        }
        redirect.addFlashAttribute("success", "The plan has been calculated. Check it, then sign the verification.");
        return "redirect:/cases/" + caseId + "/lymphodepletion";
    }

    @PostMapping("/cases/{id}/lymphodepletion/verification")
    String verify(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        try {
            String password = form.get("password");
            if (password == null || password.isEmpty()) {
                throw ProblemException.invalid("password", "is required: the verification is signed");
            }
            planning.verify(actor, caseId, LymphodepletionApiController.uuid(form.getOrDefault("planId", ""),
                    "lymphodepletion plan"), password);
        } catch (ProblemException e) {
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return refused(actor, caseId, model, kept, e);
        }
        redirect.addFlashAttribute("success", "The plan has been verified and signed.");
        return "redirect:/cases/" + caseId + "/lymphodepletion";
    }

    @PostMapping("/cases/{id}/lymphodepletion/administrations")
    String administer(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Outcome status = Fields.choice(form.get("status"), Outcome.class, "status", problems);
            Lymphodepletion.AdministrationRequest request = new Lymphodepletion.AdministrationRequest(
                    Fields.date(form.get("plannedOn"), "plannedOn", problems),
                    Fields.choice(form.get("drug"), Drug.class, "drug", problems), status,
                    status == Outcome.HELD ? null : Fields.localDateTime(form.get("givenAt"), "givenAt", zone, problems),
                    status == Outcome.MODIFIED ? Fields.number(form.get("givenMg"), "givenMg", problems) : null,
                    form.get("reason"));
            Fields.check(problems);
            lymphodepletion.record(actor, caseId, request);
        } catch (ProblemException e) {
            return refused(actor, caseId, model, form, e);
        }
        redirect.addFlashAttribute("success", "The dose has been recorded.");
        return "redirect:/cases/" + caseId + "/lymphodepletion";
    }

    private String refused(Actor actor, CaseId caseId, Model model, Map<String, String> form, ProblemException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        return page(actor, caseId, model, new HashMap<>(form), FormErrors.of(e, FIELD_LABELS));
    }

    /** The plan form's labels, for its errors (the renal override: docs/clinical/renal-function.md). */
    static final Map<String, String> FIELD_LABELS = Map.of("renalOverrideReason", "Reason for dosing by this renal"
            + " estimate", "renalOverridePassword", "Your password", "measuredGfrMlPerMinPer173m2", "Measured GFR",
            "measuredGfrOn", "Day the GFR was measured");

    private String page(Actor actor, CaseId caseId, Model model, Map<String, Object> form, Map<String, String> errors) {
        CaseView view = journey.get(actor, caseId);
        Optional<LymphodepletionStatus> status = lymphodepletion.status(actor, caseId);
        LymphodepletionPlanning.Options options = planning.options(actor, caseId);
        Stage stage = view.therapyCase().stage();
        boolean verified = status.map(s -> s.plan().verified()).orElse(false);
        boolean plannable = stage == Stage.RELEASED || stage == Stage.RECEIVED || stage == Stage.LYMPHODEPLETION;
        boolean pharmacist = TreatmentAccess.may(actor, view, Role.PHARMACIST);
        form.putIfAbsent("anchorOn", options.regimens().stream().findFirst()
                .map(r -> r.dayReference().name().equals("INFUSION") ? options.bookedInfusionOn()
                        : options.bookedLymphodepletionOn()).map(LocalDate::toString).orElse(""));
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("options", options);
        model.addAttribute("plans", planning.plans(actor, caseId));
        model.addAttribute("mayPlan", pharmacist && plannable);
        model.addAttribute("mayVerify", pharmacist && plannable && status.isPresent() && !verified);
        model.addAttribute("mayRecord", TreatmentAccess.may(actor, view, Role.WARD_NURSE, Role.PHARMACIST) && verified
                && (stage == Stage.RECEIVED || stage == Stage.LYMPHODEPLETION));
        model.addAttribute("givenAtDefaults", givenAtDefaults(status));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    /** The time a dose form offers: now on its planned day or after it was due, else 10:00 on the planned day. */
    private Map<String, String> givenAtDefaults(Optional<LymphodepletionStatus> status) {
        Map<String, String> defaults = new HashMap<>();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        status.ifPresent(s -> s.doses().forEach(line -> {
            LocalDate day = line.dose().date();
            LocalDateTime at = day.equals(now.toLocalDate()) || day.isAfter(now.toLocalDate()) ? now : day.atTime(10, 0);
            defaults.put(day + "-" + line.dose().drug(), at.format(LOCAL));
        }));
        return defaults;
    }
}
