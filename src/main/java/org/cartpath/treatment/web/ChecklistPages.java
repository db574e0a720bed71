package org.cartpath.treatment.web;

import java.util.HashMap;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.treatment.PreInfusionChecklist;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pre-infusion checklist page: items with their evidence; ward nurses and consultants tick, consultants override
 * one item with a signed reason. The checklist's configuration has no page: the default set applies, and QA or a
 * consultant adds the centre's own items through {@code POST /api/v1/pre-infusion-checklists}.
 */
@Controller
class ChecklistPages {

    static final String VIEW = "treatment/checklist";

    private final PreInfusionChecklist checklist;
    private final CaseJourney journey;

    ChecklistPages(PreInfusionChecklist checklist, CaseJourney journey) {
        this.checklist = checklist;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/pre-infusion-checklist")
    String show(Actor actor, @PathVariable String id, Model model) {
        return page(actor, CaseId.of(id), model, Map.of(), Map.of());
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/ticks")
    String tick(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, form, redirect, "The item has been ticked.",
                () -> checklist.tick(actor, CaseId.of(id), form.get("itemCode"), form.get("note")));
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/overrides")
    String override(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, form, redirect, "The override has been signed and recorded.", () -> {
            String password = form.get("password");
            if (password == null || password.isEmpty()) {
                throw ProblemException.invalid("password", "is required: the override is signed");
            }
            checklist.override(actor, CaseId.of(id), form.get("itemCode"), form.get("reason"), password);
        });
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/withdrawals")
    String withdraw(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, form, redirect, "The tick has been withdrawn.",
                () -> checklist.withdraw(actor, CaseId.of(id), form.get("itemCode"), form.get("reason")));
    }

    private String act(Actor actor, String id, Model model, Map<String, String> form, RedirectAttributes redirect,
            String success, Runnable action) {
        CaseId caseId = CaseId.of(id);
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return page(actor, caseId, model, kept, FormErrors.of(e));
        }
        redirect.addFlashAttribute("success", success);
        return "redirect:/cases/" + caseId + "/pre-infusion-checklist";
    }

    private String page(Actor actor, CaseId caseId, Model model, Map<String, String> form, Map<String, String> errors) {
        CaseView view = journey.get(actor, caseId);
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("checklist", checklist.checklist(actor, caseId));
        model.addAttribute("mayTick", TreatmentAccess.may(actor, view, Role.WARD_NURSE, Role.CONSULTANT));
        model.addAttribute("mayOverride", TreatmentAccess.may(actor, view, Role.CONSULTANT));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
