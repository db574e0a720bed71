package org.cartpath.treatment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.LabelReviews;
import org.cartpath.treatment.PharmacySettings;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pharmacy page: the renal band table and dosing rules lymphodepletion plans use now, their versions, and for
 * pharmacists the forms for a new version. Bands are typed one per line: "from, below, percent", with below empty for
 * the open top band and percent empty to withhold fludarabine.
 */
@Controller
class PharmacyPages {

    static final String VIEW = "treatment/pharmacy";

    private final PharmacySettings pharmacy;
    private final LabelReviews labelReviews;

    PharmacyPages(PharmacySettings pharmacy, LabelReviews labelReviews) {
        this.pharmacy = pharmacy;
        this.labelReviews = labelReviews;
    }

    @GetMapping("/pharmacy")
    String show(Actor actor, Model model) {
        return page(actor, model, new HashMap<>(), Map.of());
    }

    @PostMapping("/pharmacy/renal-band-tables")
    String addRenalTable(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            List<FieldProblem> problems = new ArrayList<>();
            List<RenalBand> bands = bands(form.getOrDefault("bands", ""), problems);
            Fields.check(problems);
            pharmacy.addRenalTable(actor, new PharmacySettings.NewRenalTable(form.get("name"), form.get("source"), bands,
                    form.get("reason")));
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            return page(actor, model, new HashMap<>(form), FormErrors.of(e));
        }
        redirect.addFlashAttribute("success", "A new version of the renal band table is in use.");
        return "redirect:/pharmacy";
    }

    @PostMapping("/pharmacy/dosing-rules")
    String changeDosingRules(Actor actor, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            List<FieldProblem> problems = new ArrayList<>();
            BodySurfaceArea.Formula formula = Fields.choice(form.get("bsaFormula"), BodySurfaceArea.Formula.class,
                    "bsaFormula", problems);
            Map<Drug, BigDecimal> increments = new EnumMap<>(Drug.class);
            for (Drug drug : Drug.values()) {
                BigDecimal mg = Fields.number(form.get("increment-" + drug), "roundingIncrementsMg." + drug, problems);
                if (mg != null) {
                    increments.put(drug, mg);
                }
            }
            Fields.check(problems);
            pharmacy.changeDosingRules(actor, formula, increments, form.get("reason"));
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            return page(actor, model, new HashMap<>(form), FormErrors.of(e));
        }
        redirect.addFlashAttribute("success", "A new version of the dosing rules is in use.");
        return "redirect:/pharmacy";
    }

    /** A pharmacist marks a new label version reviewed against the centre's protocol and checklist (ADR 0022). */
    @PostMapping("/pharmacy/label-reviews/{id}/review")
    String markLabelReviewed(Actor actor, @PathVariable java.util.UUID id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        try {
            var review = labelReviews.markReviewed(actor, id, form.get("note"));
            redirect.addFlashAttribute("success", "The review of label version " + review.labelVersionId()
                    + " is marked done.");
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            String message = e.fieldProblems().isEmpty() ? e.detail()
                    : "Note " + e.fieldProblems().get(0).message();
            return page(actor, model, new HashMap<>(form), Map.of("label-reviews", message));
        }
        return "redirect:/pharmacy";
    }

    private String page(Actor actor, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("labelReviews", labelReviews.reviews(actor));
        model.addAttribute("renal", pharmacy.currentRenalTable(actor));
        model.addAttribute("renalVersions", pharmacy.renalTables(actor, new Page.Request(0, 50)).items());
        model.addAttribute("rules", pharmacy.currentDosingRules(actor));
        model.addAttribute("ruleVersions", pharmacy.dosingRules(actor, new Page.Request(0, 50)).items());
        model.addAttribute("mayChange", actor.hasRole(Role.PHARMACIST));
        model.addAttribute("formulas", BodySurfaceArea.Formula.values());
        model.addAttribute("drugs", Drug.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    /** "80, , 100" per line: from (mL/min), below (empty: no upper limit), percent of the dose (empty: withhold). */
    static List<RenalBand> bands(String text, List<FieldProblem> problems) {
        List<RenalBand> bands = new ArrayList<>();
        String[] lines = text.strip().isEmpty() ? new String[0] : text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String[] parts = (lines[i] + " ").split(",", -1);
            if (parts.length != 3) {
                problems.add(new FieldProblem("bands", "line " + (i + 1) + ": write from, below, percent (e.g. 50, 80, 80)"));
                continue;
            }
            BigDecimal from = Fields.number(parts[0], "bands", problems);
            BigDecimal below = Fields.number(parts[1], "bands", problems);
            BigDecimal percent = Fields.number(parts[2], "bands", problems);
            bands.add(new RenalBand(from, below, percent));
        }
        return bands;
    }
}
