package org.cartpath.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ClinicVisits;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.followup.OutcomeEvents;
import org.cartpath.followup.PlannedVisit;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
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
 * The centre's pages for recording a clinic visit (from the follow-up worklist or the case's panel) and the patient's
 * outcome events: the same rules as the API, errors in the forms' own labels (docs/clinical/follow-up.md).
 */
@Controller
class FollowUpOutcomePages {

    static final Map<String, String> VISIT_LABELS = Map.of(
            "attended", "Did the patient attend",
            "on", "Date",
            "reason", "Reason the patient did not attend");

    static final Map<String, String> EVENT_LABELS = Map.ofEntries(
            Map.entry("kind", "What happened"),
            Map.entry("occurredOn", "Date"),
            Map.entry("source", "Source of the information"),
            Map.entry("sourceDocument", "Source document"),
            Map.entry("site", "Site of relapse or progression"),
            Map.entry("targetAntigen", "Target antigen"),
            Map.entry("antigenStatus", "Target antigen status"),
            Map.entry("cause", "Cause of death"),
            Map.entry("causeDetail", "Cause of death, in words"),
            Map.entry("malignancyType", "Type of second malignancy"),
            Map.entry("diagnosis", "Diagnosis"));

    private final ClinicVisits visits;
    private final OutcomeEvents events;
    private final CaseJourney journey;

    FollowUpOutcomePages(ClinicVisits visits, OutcomeEvents events, CaseJourney journey) {
        this.visits = visits;
        this.events = events;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/follow-up/visits/{key}")
    String visitForm(Actor actor, @PathVariable String id, @PathVariable String key,
            @RequestParam(required = false) String from, Model model) {
        CaseId caseId = CaseId.of(id);
        PlannedVisit visit = visits.visitForRecording(actor, caseId, key);
        Map<String, String> form = new HashMap<>();
        form.put("from", "worklist".equals(from) ? "worklist" : "");
        return visitPage(actor, caseId, visit, model, form, Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/visits/{key}")
    String recordVisit(Actor actor, @PathVariable String id, @PathVariable String key,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        PlannedVisit visit = visits.visitForRecording(actor, caseId, key);
        PlannedVisit saved;
        try {
            String attended = form.get("attended");
            saved = visits.record(actor, caseId, key, new ClinicVisits.Outcome(
                    attended == null || attended.isBlank() ? null : "true".equals(attended),
                    FollowUpOutcomeApiController.date(form.get("on"), "on"), form.get("reason")));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return visitPage(actor, caseId, visit, model, new HashMap<>(form), FormErrors.of(e, VISIT_LABELS));
        }
        redirect.addFlashAttribute("success", "The " + saved.label() + " visit has been recorded: "
                + (saved.state() == PlannedVisit.State.ATTENDED ? "attended" : "not attended") + " on "
                + saved.outcomeOn() + ".");
        return "worklist".equals(form.get("from")) ? "redirect:/follow-up" : "redirect:/cases/" + caseId.value();
    }

    @GetMapping("/cases/{id}/follow-up/outcome-events/new")
    String eventForm(Actor actor, @PathVariable String id, Model model) {
        CaseId caseId = CaseId.of(id);
        events.dayZeroForRecording(actor, caseId);
        return eventPage(actor, caseId, model, new HashMap<>(), Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/outcome-events")
    String recordEvent(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        events.dayZeroForRecording(actor, caseId);
        OutcomeEvent saved;
        try {
            saved = events.record(actor, caseId, FollowUpOutcomeApiController.entry(
                    new FollowUpOutcomeApiController.OutcomeEventBody(form.get("kind"), form.get("occurredOn"),
                            form.get("source"), form.get("sourceDocument"), form.get("site"), form.get("targetAntigen"),
                            form.get("antigenStatus"), form.get("cause"), form.get("causeDetail"),
                            form.get("malignancyType"), form.get("diagnosis"))));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return eventPage(actor, caseId, model, new HashMap<>(form), FormErrors.of(e, EVENT_LABELS));
        }
        redirect.addFlashAttribute("success", "Recorded: " + saved.summary() + ", " + saved.occurredOn() + ".");
        return "redirect:/cases/" + caseId.value();
    }

    private String visitPage(Actor actor, CaseId caseId, PlannedVisit visit, Model model, Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("visit", visit);
        model.addAttribute("labels", VISIT_LABELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "followup/visit-form";
    }

    private String eventPage(Actor actor, CaseId caseId, Model model, Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("kinds", List.of(OutcomeEvent.Kind.values()));
        model.addAttribute("sources", List.of(OutcomeEvent.InformationSource.values()));
        model.addAttribute("antigenStatuses", List.of(OutcomeEvent.AntigenStatus.values()));
        model.addAttribute("antigens", OutcomeEvents.TARGET_ANTIGENS.stream().sorted().toList());
        model.addAttribute("causes", List.of(OutcomeEvent.DeathCause.values()));
        model.addAttribute("malignancyTypes", List.of(OutcomeEvent.MalignancyType.values()));
        model.addAttribute("labels", EVENT_LABELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "followup/outcome-event-form";
    }
}
