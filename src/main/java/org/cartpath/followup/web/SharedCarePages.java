package org.cartpath.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.FollowUpPlan;
import org.cartpath.followup.SharedCare;
import org.cartpath.followup.SharedCareSubmission;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shared care on pages (docs/clinical/follow-up.md): the referring hospital sends a clinic visit of its patient and
 * corrects a returned one; the treating centre's data manager or consultant reviews it beside the patient's schedule
 * and accepts or returns it. The same rules as the API; errors in the forms' own labels.
 */
@Controller
class SharedCarePages {

    static final Map<String, String> LABELS = Map.of(
            "visitKey", "Clinic visit",
            "timepoint", "Registry time point this visit provides",
            "attended", "Did the patient attend",
            "on", "Date of the visit",
            "reason", "Reason the patient did not attend",
            "note", "Anything the centre should know",
            "nhsNumber", "Patient's NHS number",
            "question", "Your question to the hospital",
            "version", "Version");

    private final SharedCare sharedCare;
    private final CaseJourney journey;

    SharedCarePages(SharedCare sharedCare, CaseJourney journey) {
        this.sharedCare = sharedCare;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/follow-up/submissions/new")
    String form(Actor actor, @PathVariable String id, @RequestParam(required = false) String visit, Model model) {
        CaseId caseId = CaseId.of(id);
        FollowUpPlan plan = sharedCare.planForSubmission(actor, caseId);
        Map<String, String> form = new HashMap<>();
        if (visit != null) {
            form.put("visitKey", visit);
        }
        return formPage(actor, caseId, plan, model, form, Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/submissions")
    String submit(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        SharedCareSubmission saved;
        try {
            saved = sharedCare.submit(actor, caseId, visit(form, true));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            // the plan is read only to show the form again (submit's transaction has ended)
            FollowUpPlan plan = sharedCare.planForSubmission(actor, caseId);
            return formPage(actor, caseId, plan, model, new HashMap<>(form), FormErrors.of(e, LABELS));
        }
        redirect.addFlashAttribute("success", "Sent to the treating centre: the " + saved.visitLabel()
                + " visit. It is recorded once the centre accepts it.");
        return "redirect:/follow-up/submissions/" + saved.id();
    }

    @GetMapping("/follow-up/submissions/{id}")
    String submission(Actor actor, @PathVariable String id, Model model) {
        SharedCareSubmission submission = sharedCare.get(actor, SharedCareApiController.submissionId(id));
        return submissionPage(actor, submission, model, correctionForm(submission), Map.of());
    }

    @PostMapping("/follow-up/submissions/{id}/acceptance")
    String accept(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        UUID submissionId = SharedCareApiController.submissionId(id);
        SharedCareSubmission saved;
        try {
            saved = sharedCare.accept(actor, submissionId, version(form));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            SharedCareSubmission current = sharedCare.get(actor, submissionId);
            return submissionPage(actor, current, model, correctionForm(current), errors(e));
        }
        redirect.addFlashAttribute("success", "Accepted: the " + saved.visitLabel() + " visit is recorded"
                + (saved.timepoint() != null ? " and the " + saved.timepointLabel() + " registry form is complete" : "")
                + ".");
        return "redirect:/follow-up/submissions/" + saved.id();
    }

    @PostMapping("/follow-up/submissions/{id}/return")
    String returnWithQuestion(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        UUID submissionId = SharedCareApiController.submissionId(id);
        SharedCareSubmission saved;
        try {
            saved = sharedCare.returnWithQuestion(actor, submissionId, version(form), form.get("question"));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            SharedCareSubmission current = sharedCare.get(actor, submissionId);
            Map<String, String> values = correctionForm(current);
            values.put("question", form.get("question"));
            return submissionPage(actor, current, model, values, errors(e));
        }
        redirect.addFlashAttribute("success", "Returned to the referring hospital with your question.");
        return "redirect:/follow-up/submissions/" + saved.id();
    }

    @PostMapping("/follow-up/submissions/{id}/versions")
    String resubmit(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        UUID submissionId = SharedCareApiController.submissionId(id);
        SharedCareSubmission saved;
        try {
            saved = sharedCare.resubmit(actor, submissionId, visit(form, false));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            SharedCareSubmission current = sharedCare.get(actor, submissionId);
            return submissionPage(actor, current, model, new HashMap<>(form), FormErrors.of(e, LABELS));
        }
        redirect.addFlashAttribute("success", "Sent again to the treating centre (version " + saved.version() + ").");
        return "redirect:/follow-up/submissions/" + saved.id();
    }

    private String formPage(Actor actor, CaseId caseId, FollowUpPlan plan, Model model, Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("visits", plan.visits().stream().filter(v -> !v.done()).toList());
        model.addAttribute("timepoints", plan.timepoints().stream().filter(t -> !t.completed()).toList());
        model.addAttribute("labels", LABELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "followup/submission-form";
    }

    private String submissionPage(Actor actor, SharedCareSubmission submission, Model model, Map<String, String> form,
            Map<String, String> errors) {
        CaseView view = journey.get(actor, submission.caseId());
        boolean hospital = sharedCare.maySubmit(actor, view);
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("submission", submission);
        model.addAttribute("mayReview", submission.status() == SharedCareSubmission.Status.PENDING
                && sharedCare.mayReview(actor, view));
        model.addAttribute("mayCorrect", submission.status() == SharedCareSubmission.Status.RETURNED && hospital);
        model.addAttribute("labels", LABELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "followup/submission";
    }

    private static Map<String, String> correctionForm(SharedCareSubmission submission) {
        SharedCareSubmission.Version latest = submission.latest();
        Map<String, String> form = new HashMap<>();
        form.put("attended", Boolean.toString(latest.attended()));
        form.put("on", latest.on().toString());
        form.put("reason", latest.reason() == null ? "" : latest.reason());
        form.put("note", latest.note() == null ? "" : latest.note());
        return form;
    }

    private static Map<String, String> errors(ProblemException e) {
        return FormErrors.of(e, LABELS);
    }

    private static Integer version(Map<String, String> form) {
        try {
            return Integer.valueOf(form.getOrDefault("version", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SharedCare.Visit visit(Map<String, String> form, boolean first) {
        String attended = form.get("attended");
        return new SharedCare.Visit(first ? form.get("visitKey") : null, first ? form.get("timepoint") : null,
                attended == null || attended.isBlank() ? null : "true".equals(attended),
                FollowUpOutcomeApiController.date(form.get("on"), "on"), form.get("reason"), form.get("note"),
                form.get("nhsNumber"));
    }
}
