package org.cartpath.referral.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.referral.NationalPanel;
import org.cartpath.referral.PanelAgendaItem;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator puts a case on a panel meeting's agenda. */
@Controller
class PanelSubmissionController {

    static final String VIEW = "referral/panel-submission";

    private final NationalPanel panel;
    private final CaseJourney journey;

    PanelSubmissionController(NationalPanel panel, CaseJourney journey) {
        this.panel = panel;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/panel")
    String form(Actor actor, @PathVariable String id, Model model) {
        return render(actor, CaseId.of(id), new LinkedHashMap<>(), model);
    }

    @PostMapping("/cases/{id}/panel")
    String submit(Actor actor, @PathVariable String id, @RequestParam(required = false) String meetingId, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        try {
            UUID meeting = PanelApiController.uuid(meetingId, "meetingId");
            PanelAgendaItem item = panel.submit(actor, meeting, caseId);
            redirect.addFlashAttribute("success", "Case " + item.caseReference() + " is on the panel's agenda.");
            return "redirect:/cases/" + id;
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("meetingId", e.fieldProblems().isEmpty() ? e.detail()
                    : "Choose the meeting to submit the case to");
            return render(actor, caseId, errors, model);
        }
    }

    private String render(Actor actor, CaseId caseId, Map<String, String> errors, Model model) {
        CaseView view = journey.get(actor, caseId);
        model.addAttribute("case", view.therapyCase());
        model.addAttribute("maySubmit", panel.maySubmit(actor, view));
        model.addAttribute("meetings", panel.upcomingForSubmission(actor));
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
