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
import org.cartpath.journey.TherapyCase;
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
 * The consultant's page for recording a response assessment of any framework (docs/clinical/response-assessment.md):
 * one template and one controller, the framework's inputs from {@link ResponseForms}, the same reading and rules as
 * the API (the form is turned into the API's body), its errors in the form's own labels. Without a framework chosen
 * the page offers the one that fits the case's indication (B-ALL when the indication is not known), with links to
 * the others.
 */
@Controller
class ResponseAssessmentPages {

    static final String VIEW = "followup/response-form";

    private final ResponseAssessments assessments;
    private final CaseJourney journey;

    ResponseAssessmentPages(ResponseAssessments assessments, CaseJourney journey) {
        this.assessments = assessments;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/follow-up/responses/new")
    String form(Actor actor, @PathVariable String id, @RequestParam(required = false) String framework,
            Model model) {
        CaseId caseId = CaseId.of(id);
        assessments.dayZeroForRecording(actor, caseId);
        TherapyCase visible = journey.get(actor, caseId).visibleCase();
        ResponseFramework chosen = ResponseFramework.parse(framework)
                .or(() -> ResponseFramework.forIndication(visible.indication())).orElse(ResponseFramework.B_ALL);
        return page(visible, chosen, model, new HashMap<>(), Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/responses")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        assessments.dayZeroForRecording(actor, caseId);
        ResponseFramework framework = ResponseFramework.parse(form.get("framework")).orElse(ResponseFramework.B_ALL);
        ResponseAssessment saved;
        try {
            saved = assessments.record(actor, caseId, entry(framework, form));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return page(journey.get(actor, caseId).visibleCase(), framework, model, kept, errors(framework, e));
        }
        redirect.addFlashAttribute("success", "The response assessment of " + saved.assessedOn() + " has been"
                + " recorded: " + saved.categoryLabel() + ".");
        return "redirect:/cases/" + caseId.value();
    }

    /**
     * The form as the API's body, so that the same reading and rules apply: numbers as numbers (400 naming the field
     * for text that is not one), yes/no as true/false, choices as their codes; an empty input is not sent.
     */
    static ResponseAssessments.Entry entry(ResponseFramework framework, Map<String, String> form) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        ObjectNode inputs = body.putObject("inputs");
        List<FieldProblem> problems = new ArrayList<>();
        for (ResponseForms.Input input : ResponseForms.of(framework).inputs()) {
            String value = trimmed(form.get(input.name()));
            if (value == null) {
                continue;
            }
            switch (input.type()) {
                case NUMBER -> {
                    try {
                        inputs.put(input.name(), new BigDecimal(value));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(input.name(), "must be a number"));
                    }
                }
                case YES_NO, YES_NO_OR_NOT_MEASURED -> inputs.put(input.name(), "true".equals(value));
                case CHOICE -> {
                    if ("deauvilleScore".equals(input.name()) && value.matches("[0-9]{1,2}")) {
                        inputs.put(input.name(), Integer.parseInt(value));
                    } else {
                        inputs.put(input.name(), value);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        body.put("framework", framework.name());
        for (String field : List.of("assessedOn", "category", "categoryReason", "password", "sourceDocument")) {
            String value = trimmed(form.get(field));
            if (value != null) {
                body.put(field, "password".equals(field) ? form.get(field) : value);
            }
        }
        return ResponseAssessmentApiController.entry(JsonInput.body(body));
    }

    /** The refusal's errors keyed by the form's fields (the API names the inputs {@code inputs.<field>}). */
    static Map<String, String> errors(ResponseFramework framework, ProblemException e) {
        Map<String, String> labels = ResponseForms.of(framework).labels();
        Map<String, String> prefixed = new HashMap<>(labels);
        labels.forEach((field, label) -> prefixed.put("inputs." + field, label));
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(e, prefixed).forEach((field, message) -> errors.put(field.startsWith("inputs.")
                ? field.substring("inputs.".length()) : field, message));
        if (e.fieldProblems().isEmpty() && "signature-refused".equals(e.type())) {
            errors.remove("form");
            errors.put("password", e.detail());
        }
        return errors;
    }

    private String page(TherapyCase visible, ResponseFramework framework, Model model, Map<String, String> form,
            Map<String, String> errors) {
        ResponseForms.Form definition = ResponseForms.of(framework);
        model.addAttribute("case", visible);
        model.addAttribute("framework", framework);
        model.addAttribute("definition", definition);
        model.addAttribute("others", ResponseForms.others(framework));
        model.addAttribute("fitting", ResponseFramework.forIndication(visible.indication()).orElse(null));
        model.addAttribute("categories", framework.categories());
        model.addAttribute("labels", definition.labels());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
