package org.cartpath.referral.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.referral.EligibilityAssessment;
import org.cartpath.referral.EligibilityAssessments;
import org.cartpath.referral.EligibilityAssessments.Choice;
import org.cartpath.referral.EligibilityDecision;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The eligibility page of a case: its stored assessments for everyone who sees the case in full, and for the
 * treating centre's consultant the evaluation (criterion, result, data used, source) with the form to
 * confirm or override it and sign with their password.
 */
@Controller
class EligibilityPageController {

    static final String VIEW = "referral/eligibility-assessment";
    static final String PAGE_PURPOSE = "eligibility page";

    private final EligibilityAssessments eligibility;
    private final CaseJourney journey;
    private final Catalogue catalogue;

    EligibilityPageController(EligibilityAssessments eligibility, CaseJourney journey, Catalogue catalogue) {
        this.eligibility = eligibility;
        this.journey = journey;
        this.catalogue = catalogue;
    }

    @GetMapping("/cases/{id}/eligibility")
    String show(Actor actor, @PathVariable String id, @RequestParam Map<String, String> params, Model model) {
        return render(actor, CaseId.of(id), params, new HashMap<>(), model);
    }

    @PostMapping("/cases/{id}/eligibility")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        try {
            EligibilityAssessment recorded = eligibility.record(actor, caseId, choice(fields),
                    RequestFields.choice(blankToNull(fields.get("decision")), EligibilityDecision.class, "decision"),
                    fields.get("reason"), fields.get("password"), fields.get("evaluationDigest"));
            redirect.addFlashAttribute("success", "Eligibility assessment " + recorded.version() + " recorded and signed. "
                    + (recorded.proceeds() ? "The case proceeds to the national panel." : "The case does not proceed."));
            return "redirect:/cases/" + id + "/eligibility";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(e));
            Map<String, String> form = new HashMap<>(fields);
            form.remove("password");
            return render(actor, caseId, form, errors, model);
        }
    }

    private String render(Actor actor, CaseId caseId, Map<String, String> form, Map<String, String> errors, Model model) {
        CaseView view = journey.get(actor, caseId);
        List<EligibilityAssessment> assessments = eligibility.assessments(actor, caseId, PAGE_PURPOSE);
        TherapyCase therapyCase = view.therapyCase();
        boolean mayAssess = eligibility.mayAssess(actor, view);
        Map<String, String> choice = new HashMap<>();
        choice.put("productCode", either(form.get("productCode"), therapyCase.productCode()));
        choice.put("indication", either(form.get("indication"), therapyCase.indication()));
        choice.put("jurisdiction", either(form.get("jurisdiction"), therapyCase.jurisdiction()));
        EligibilityAssessments.Preview preview = null;
        if (mayAssess) {
            try {
                preview = eligibility.evaluate(actor, caseId, choice(form));
            } catch (ProblemException e) {
                if (e.status() == 403 || e.status() == 404) {
                    throw e;
                }
                FormErrors.of(e).forEach(errors::putIfAbsent);
            }
        }
        model.addAttribute("case", therapyCase);
        model.addAttribute("assessments", assessments);
        model.addAttribute("mayAssess", mayAssess);
        model.addAttribute("preview", preview);
        model.addAttribute("choice", choice);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("products", catalogue.products());
        model.addAttribute("indications", Indication.values());
        model.addAttribute("jurisdictions", Jurisdiction.values());
        return VIEW;
    }

    private static Choice choice(Map<String, String> fields) {
        return new Choice(blankToNull(fields.get("productCode")), blankToNull(fields.get("indication")),
                blankToNull(fields.get("jurisdiction")));
    }

    private static String either(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
