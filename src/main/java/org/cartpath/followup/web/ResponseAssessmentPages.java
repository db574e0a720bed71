package org.cartpath.followup.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ResponseAssessment;
import org.cartpath.followup.ResponseAssessments;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consultant's page for recording a B-ALL response assessment (docs/clinical/response-assessment.md): the same
 * reading and rules as the API, its errors in the form's own labels.
 */
@Controller
class ResponseAssessmentPages {

    static final String VIEW = "followup/response-form";

    /** The form's labels, by the field the rules name. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("assessedOn", "Date of the assessment"),
            Map.entry("marrowBlastsPercent", "Marrow blasts (%)"),
            Map.entry("circulatingBlasts", "Circulating blasts"),
            Map.entry("extramedullaryDisease", "Extramedullary disease"),
            Map.entry("ancPerMicrolitre", "Neutrophils (ANC, cells/µL)"),
            Map.entry("plateletsPerMicrolitre", "Platelets (/µL)"),
            Map.entry("mrdPercent", "Flow MRD (%)"),
            Map.entry("sourceDocument", "Source document"),
            Map.entry("category", "Category, if not the one derived"),
            Map.entry("categoryReason", "Reason for a different category"),
            Map.entry("password", "Your password"));

    private static final List<String> NUMBERS = List.of("marrowBlastsPercent", "ancPerMicrolitre",
            "plateletsPerMicrolitre", "mrdPercent");
    private static final List<String> YES_NO = List.of("circulatingBlasts", "extramedullaryDisease");

    private final ResponseAssessments assessments;
    private final CaseJourney journey;

    ResponseAssessmentPages(ResponseAssessments assessments, CaseJourney journey) {
        this.assessments = assessments;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/follow-up/responses/new")
    String form(Actor actor, @PathVariable String id, Model model) {
        CaseId caseId = CaseId.of(id);
        assessments.dayZeroForRecording(actor, caseId);
        return page(actor, caseId, model, new HashMap<>(), Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/responses")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        assessments.dayZeroForRecording(actor, caseId);
        ResponseAssessment saved;
        try {
            saved = assessments.record(actor, caseId, entry(form));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return page(actor, caseId, model, kept, errors(e));
        }
        redirect.addFlashAttribute("success", "The response assessment of " + saved.assessedOn() + " has been"
                + " recorded: " + saved.categoryLabel() + ".");
        return "redirect:/cases/" + caseId.value();
    }

    /** The form as the API's body, so that the same reading and rules apply; 400 for text that is not a number. */
    static ResponseAssessments.Entry entry(Map<String, String> form) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        ObjectNode inputs = body.putObject("inputs");
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : NUMBERS) {
            String value = trimmed(form.get(field));
            if (value != null) {
                try {
                    inputs.put(field, new BigDecimal(value));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(field, "must be a number"));
                }
            }
        }
        for (String field : YES_NO) {
            String value = trimmed(form.get(field));
            if (value != null) {
                inputs.put(field, "true".equals(value));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        body.put("framework", ResponseFramework.B_ALL.name());
        for (String field : List.of("assessedOn", "category", "categoryReason", "password", "sourceDocument")) {
            String value = trimmed(form.get(field));
            if (value != null) {
                body.put(field, "password".equals(field) ? form.get(field) : value);
            }
        }
        return ResponseAssessmentApiController.entry(JsonInput.body(body));
    }

    /** The refusal's errors keyed by the form's fields (the API names the inputs {@code inputs.<field>}). */
    static Map<String, String> errors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(e, prefixed()).forEach((field, message) -> errors.put(field.startsWith("inputs.")
                ? field.substring("inputs.".length()) : field, message));
        if (e.fieldProblems().isEmpty() && "signature-refused".equals(e.type())) {
            errors.remove("form");
            errors.put("password", e.detail());
        }
        return errors;
    }

    private static Map<String, String> prefixed() {
        Map<String, String> labels = new HashMap<>(LABELS);
        LABELS.forEach((field, label) -> labels.put("inputs." + field, label));
        return labels;
    }

    private String page(Actor actor, CaseId caseId, Model model, Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("categories", ResponseFramework.B_ALL.categories());
        model.addAttribute("labels", LABELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
