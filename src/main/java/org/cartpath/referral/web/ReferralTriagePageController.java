package org.cartpath.referral.web;

import java.util.Map;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.ReferralMessages;
import org.cartpath.referral.ReferralTriage;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.TriageDecision;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's triage of a referral: read it with its files and messages, then accept, decline or ask. */
@Controller
@RequestMapping("/referrals/{id}/triage")
class ReferralTriagePageController {

    static final String VIEW = "referral/triage-form";
    static final String PURPOSE = "triage page";

    private final Referrals referrals;
    private final ReferralTriage triage;
    private final ReferralMessages messages;
    private final PatientManagement patients;

    ReferralTriagePageController(Referrals referrals, ReferralTriage triage, ReferralMessages messages,
            PatientManagement patients) {
        this.referrals = referrals;
        this.triage = triage;
        this.messages = messages;
        this.patients = patients;
    }

    @GetMapping
    String show(Actor actor, @PathVariable String id, Model model) {
        ReferralView view = referrals.get(actor, ReferralId.of(id), PURPOSE);
        ReferralRoles.requireCoordinator(actor);
        return render(actor, view, model, Map.of("decision", ""), ReferralForms.errors());
    }

    @PostMapping
    String decide(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        ReferralId referral = ReferralId.of(id);
        try {
            TriageDecision.Outcome outcome = fields.get("decision") == null || fields.get("decision").isBlank() ? null
                    : RequestFields.choice(fields.get("decision"), TriageDecision.Outcome.class, "decision");
            ReferralView decided = triage.triage(actor, referral, new TriageDecision(outcome, fields.get("reason"),
                    fields.get("question")));
            redirect.addFlashAttribute("success", switch (outcome) {
                case ACCEPT -> "The referral has been accepted. The case is now at stage 'Triaged'.";
                case DECLINE -> "The referral has been declined. The referrer can see your reason.";
                case REQUEST_INFORMATION -> "Your question has been sent to the referrer.";
            });
            return "redirect:/cases/" + decided.referral().caseId();
        } catch (ProblemException e) {
            ReferralForms.rethrowUnlessFormError(e);
            Map<String, String> errors = ReferralForms.errors();
            if ("invalid-request".equals(e.type()) && e.fieldProblems().stream().anyMatch(p -> p.field().equals("decision"))) {
                errors.put("decision", "Choose whether to accept the referral, decline it or ask for more information");
            } else {
                ReferralForms.addErrors(errors, e, "form");
            }
            return render(actor, referrals.get(actor, referral, PURPOSE), model, fields, errors);
        }
    }

    private String render(Actor actor, ReferralView view, Model model, Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("view", view);
        model.addAttribute("patient", patients.get(actor, new PatientId(view.referral().patientId()), PURPOSE));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        messages.markRead(actor, view.referral().id());
        return VIEW;
    }
}
