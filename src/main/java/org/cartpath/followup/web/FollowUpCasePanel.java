package org.cartpath.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.FollowUpAccess;
import org.cartpath.followup.FollowUpEntries;
import org.cartpath.followup.FollowUpEntry;
import org.cartpath.followup.FollowUpTimeline;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.followup.ResponseHistory;
import org.cartpath.followup.FollowUpPlans;
import org.cartpath.followup.OutcomeEvents;
import org.cartpath.followup.ResponseAssessments;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.followup.SharedCare;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The case page's follow-up schedule, once the case has a plan (from the infusion): its registry track and why, the
 * registry time points with their windows and status, the clinic visits (recorded by the centre's follow-up staff),
 * the outcome events (relapse, vital status, death, second malignancy), the latest response assessment and the
 * best response so far (with a link for the centre's consultants to record a response by the framework of the case's
 * indication, and links to the others), and the visits the
 * referring hospital sent (shared care, with its link to send one); the blood counts with their chart and ICAHT, B cells
 * and immunoglobulins, infections, each entry's correction history, and a timeline from day 0 to year 15; for the
 * treating centre and the referring hospital.
 */
@Component
class FollowUpCasePanel implements CasePageContributor {

    private final FollowUpPlans plans;
    private final FollowUpAccess access;
    private final ResponseAssessments responses;
    private final OutcomeEvents events;
    private final SharedCare sharedCare;
    private final FollowUpEntries entries;

    FollowUpCasePanel(FollowUpPlans plans, FollowUpAccess access, ResponseAssessments responses,
            OutcomeEvents events, SharedCare sharedCare, FollowUpEntries entries) {
        this.entries = entries;
        this.sharedCare = sharedCare;
        this.plans = plans;
        this.access = access;
        this.responses = responses;
        this.events = events;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!access.maySee(actor, view)) {
            return List.of();
        }
        return plans.find(view).map(plan -> {
            Map<String, Object> model = new HashMap<>();
            model.put("plan", plan);
            model.put("today", plans.today());
            model.put("nextVisit", plan.nextVisit(plans.today()).orElse(null));
            ResponseHistory history = responses.history(view);
            List<OutcomeEvent> outcomeEvents = events.events(view);
            FollowUpEntries.History recorded = entries.history(view);
            model.put("responses", history);
            model.put("entries", recorded);
            model.put("entryKinds", List.of(FollowUpEntry.Kind.values()));
            model.put("timeline", FollowUpTimeline.of(plan, history, outcomeEvents, recorded.current(),
                    recorded.bCellAplasia(), plans.today()));
            model.put("mayRecordResponse", access.mayRecordResponse(actor, view));
            ResponseFramework fitting = ResponseFramework.forIndication(view.therapyCase().indication())
                    .orElse(ResponseFramework.B_ALL);
            model.put("responseFramework", fitting);
            model.put("otherResponseFrameworks", java.util.Arrays.stream(ResponseFramework.values())
                    .filter(f -> f != fitting).toList());
            model.put("events", outcomeEvents);
            model.put("mayKeepFollowUp", access.mayKeepFollowUp(actor, view));
            model.put("submissions", sharedCare.ofCase(actor, view));
            model.put("maySubmit", sharedCare.maySubmit(actor, view));
            return List.of(new CasePanel("Follow-up schedule", "followup/panel", "casePanel", model, 70));
        }).orElse(List.of());
    }
}
