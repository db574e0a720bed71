package org.cartpath.referral.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.NationalPanel;
import org.cartpath.referral.PanelAllocationBasis;
import org.cartpath.referral.PanelCaseReview;
import org.cartpath.referral.PanelDecision;
import org.cartpath.referral.PanelDecisionRequest;
import org.cartpath.referral.PanelMeeting;
import org.cartpath.referral.PanelMeetingView;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The panel's pages: its meetings, a meeting with its attendance and agenda, and a case under review with the
 * vote and decision forms. The patient appears as initials, age, sex and the NHS number's last three digits.
 */
@Controller
class PanelPageController {

    static final String MEETINGS = "referral/panel-meetings";
    static final String MEETING = "referral/panel-meeting";
    static final String REVIEW = "referral/panel-case";

    private final NationalPanel panel;
    private final OrganisationManagement organisations;

    PanelPageController(NationalPanel panel, OrganisationManagement organisations) {
        this.panel = panel;
        this.organisations = organisations;
    }

    @GetMapping("/panel-meetings")
    String meetings(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        return meetings(actor, Math.max(0, page), new HashMap<>(), new LinkedHashMap<>(), model);
    }

    @PostMapping("/panel-meetings")
    String schedule(Actor actor, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        try {
            PanelMeeting meeting = panel.schedule(actor, PanelApiController.date(fields.get("meetsOn"), "meetsOn"),
                    blank(fields.get("chairId")) ? null : new UserId(PanelApiController.uuid(fields.get("chairId"), "chairId")));
            redirect.addFlashAttribute("success", "Meeting scheduled.");
            return "redirect:/panel-meetings/" + meeting.id();
        } catch (ProblemException e) {
            rethrowUnlessFormError(e);
            return meetings(actor, 0, fields, new LinkedHashMap<>(FormErrors.of(e)), model);
        }
    }

    private String meetings(Actor actor, int page, Map<String, String> form, Map<String, String> errors, Model model) {
        Page<PanelMeeting> meetings = panel.meetings(actor, true, new Page.Request(page, 50));
        model.addAttribute("meetings", meetings);
        model.addAttribute("members", panel.members(actor));
        LocalDate suggested = panel.suggestedMeetingDay(actor);
        model.addAttribute("suggested", suggested);
        form.putIfAbsent("meetsOn", suggested == null ? "" : suggested.toString());
        form.putIfAbsent("chairId", actor.id());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return MEETINGS;
    }

    @GetMapping("/panel-meetings/{id}")
    String meeting(Actor actor, @PathVariable String id, Model model) {
        return meeting(actor, Ids.parse(id, "panel meeting"), new LinkedHashMap<>(), model);
    }

    @PostMapping("/panel-meetings/{id}/attendance")
    String attendance(Actor actor, @PathVariable String id, @RequestParam(name = "present", required = false) List<String> present,
            @RequestParam(name = "nonVoting", required = false) List<String> nonVoting, Model model,
            RedirectAttributes redirect) {
        UUID meeting = Ids.parse(id, "panel meeting");
        try {
            List<NationalPanel.Attendee> attendees = new ArrayList<>();
            List<String> chosen = present == null ? List.of() : present;
            for (int i = 0; i < chosen.size(); i++) {
                attendees.add(new NationalPanel.Attendee(new UserId(PanelApiController.uuid(chosen.get(i), "members[" + i + "].userId")),
                        nonVoting == null || !nonVoting.contains(chosen.get(i))));
            }
            panel.recordAttendance(actor, meeting, attendees);
            redirect.addFlashAttribute("success", "Attendance recorded.");
            return "redirect:/panel-meetings/" + id;
        } catch (ProblemException e) {
            rethrowUnlessFormError(e);
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("members", FormErrors.of(e).values().iterator().next());
            return meeting(actor, meeting, errors, model);
        }
    }

    private String meeting(Actor actor, UUID id, Map<String, String> errors, Model model) {
        PanelMeetingView view = panel.meeting(actor, id);
        model.addAttribute("view", view);
        model.addAttribute("absent", view.members().stream()
                .filter(m -> view.attendance().stream().noneMatch(a -> a.memberId().equals(m.id()))).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("today", panel.today());
        return MEETING;
    }

    @GetMapping("/panel-meetings/{id}/cases/{caseId}")
    String review(Actor actor, @PathVariable String id, @PathVariable String caseId, Model model) {
        return review(actor, Ids.parse(id, "panel meeting"), CaseId.of(caseId), new HashMap<>(), new LinkedHashMap<>(), model);
    }

    @PostMapping("/panel-meetings/{id}/cases/{caseId}/vote")
    String vote(Actor actor, @PathVariable String id, @PathVariable String caseId, @RequestParam Map<String, String> fields,
            Model model, RedirectAttributes redirect) {
        UUID meeting = Ids.parse(id, "panel meeting");
        CaseId theCase = CaseId.of(caseId);
        try {
            panel.vote(actor, meeting, theCase, RequestFields.choice(nullIfBlank(fields.get("vote")), PanelOutcome.class, "vote"),
                    fields.get("comment"));
            redirect.addFlashAttribute("success", "Your vote is recorded.");
            return "redirect:/panel-meetings/" + id + "/cases/" + caseId;
        } catch (ProblemException e) {
            rethrowUnlessFormError(e);
            if (e.fieldProblems().isEmpty() || "vote".equals(e.fieldProblems().get(0).field())) {
                return review(actor, meeting, theCase, fields, keyed(e, "vote"), model);
            }
            return review(actor, meeting, theCase, fields, new LinkedHashMap<>(FormErrors.of(e)), model);
        }
    }

    @PostMapping("/panel-meetings/{id}/cases/{caseId}/decision")
    String decide(Actor actor, @PathVariable String id, @PathVariable String caseId, @RequestParam Map<String, String> fields,
            Model model, RedirectAttributes redirect) {
        UUID meeting = Ids.parse(id, "panel meeting");
        CaseId theCase = CaseId.of(caseId);
        try {
            PanelDecision decision = panel.decide(actor, meeting, theCase, new PanelDecisionRequest(
                    RequestFields.choice(nullIfBlank(fields.get("outcome")), PanelOutcome.class, "outcome"),
                    fields.get("reason"),
                    blank(fields.get("treatingCentreId")) ? null
                            : new OrganisationId(PanelApiController.uuid(fields.get("treatingCentreId"), "treatingCentreId")),
                    RequestFields.choice(nullIfBlank(fields.get("allocationBasis")), PanelAllocationBasis.class, "allocationBasis"),
                    fields.get("allocationReason"), fields.get("password")));
            redirect.addFlashAttribute("success", "Decision recorded and signed: " + decision.outcome().label() + ".");
            return "redirect:/panel-meetings/" + id + "/cases/" + caseId;
        } catch (ProblemException e) {
            rethrowUnlessFormError(e);
            Map<String, String> form = new HashMap<>(fields);
            form.remove("password");
            return review(actor, meeting, theCase, form, e.fieldProblems().isEmpty() ? keyed(e, "outcome")
                    : new LinkedHashMap<>(FormErrors.of(e)), model);
        }
    }

    private String review(Actor actor, UUID meeting, CaseId caseId, Map<String, String> form, Map<String, String> errors,
            Model model) {
        PanelCaseReview review = panel.review(actor, meeting, caseId);
        model.addAttribute("review", review);
        model.addAttribute("mayVote", panel.mayVote(actor, review));
        model.addAttribute("chair", panel.chairs(actor, review.meeting()) && review.item().awaitingDecision());
        model.addAttribute("outcomes", PanelOutcome.values());
        model.addAttribute("bases", PanelAllocationBasis.values());
        List<Organisation> centres = organisations.directory().stream()
                .filter(o -> o.kind() == OrganisationKind.TREATMENT_CENTRE).toList();
        model.addAttribute("centres", centres);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return REVIEW;
    }

    private static Map<String, String> keyed(ProblemException e, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(field, e.fieldProblems().isEmpty() ? e.detail() : FormErrors.of(e).values().iterator().next());
        return errors;
    }

    /** Not found and plain "forbidden" go to the error pages; the panel's own refusals show on the form. */
    private static void rethrowUnlessFormError(ProblemException e) {
        boolean panelRefusal = "not-the-chair".equals(e.type()) || "not-a-panel-member".equals(e.type());
        if (e.status() == 404 || (e.status() == 403 && !panelRefusal)) {
            throw e;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullIfBlank(String value) {
        return blank(value) ? null : value;
    }
}
