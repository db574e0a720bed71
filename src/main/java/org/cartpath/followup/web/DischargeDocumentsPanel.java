package org.cartpath.followup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.DischargeDocuments;
import org.cartpath.followup.DischargeSummaries;
import org.cartpath.followup.FollowUpPlans;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The case page's discharge documents, once the case is infused: the patient alert card and, for the consultants and
 * coordinators who write to the referring team, the discharge summary to print.
 */
@Component
class DischargeDocumentsPanel implements CasePageContributor {

    private final DischargeDocuments documents;
    private final DischargeSummaries summaries;
    private final FollowUpPlans plans;

    DischargeDocumentsPanel(DischargeDocuments documents, DischargeSummaries summaries, FollowUpPlans plans) {
        this.documents = documents;
        this.summaries = summaries;
        this.plans = plans;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!documents.mayPrint(actor, view) || plans.find(view).isEmpty()) {
            return List.of();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", view.therapyCase().id().toString());
        model.put("contact", documents.centreContact(actor).orElse(null));
        model.put("mayKeepContact", DischargeDocuments.mayKeepContact(actor));
        model.put("mayPrintSummary", summaries.mayPrint(actor, view));
        return List.of(new CasePanel("Discharge documents", "followup/discharge-panel", "casePanel", model, 71));
    }
}
