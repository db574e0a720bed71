package org.cartpath.referral.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.referral.EligibilityAssessment;
import org.cartpath.referral.EligibilityAssessments;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/** Eligibility on the case page: the consultant's action, and the latest assessment for whoever sees the case in full. */
@Component
class EligibilityCasePage implements CasePageContributor {

    private final EligibilityAssessments eligibility;

    EligibilityCasePage(EligibilityAssessments eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        if (!eligibility.mayAssess(actor, view)) {
            return List.of();
        }
        boolean first = view.therapyCase().stage() == Stage.TRIAGED;
        return List.of(new CaseAction(first ? "Assess eligibility" : "Re-assess eligibility",
                "/cases/" + view.therapyCase().id() + "/eligibility", first));
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!view.identityVisible()) {
            return List.of();
        }
        List<EligibilityAssessment> assessments = eligibility.assessments(actor, view.therapyCase().id(), "case page");
        if (assessments.isEmpty() && !eligibility.mayAssess(actor, view)) {
            return List.of();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", view.therapyCase().id());
        model.put("latest", assessments.isEmpty() ? null : assessments.get(0));
        model.put("count", assessments.size());
        return List.of(new CasePanel("Eligibility", "referral/eligibility-fragments", "casePanel", model, 20));
    }
}
