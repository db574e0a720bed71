package org.cartpath.interop.hl7.web;

import java.util.List;
import java.util.Map;
import org.cartpath.interop.hl7.CaseLabResults;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/** The case page's latest laboratory results filed from the hospital's HL7 messages, for the treating centre's staff. */
@Component
class LabResultsCasePanel implements CasePageContributor {

    private final CaseLabResults results;

    LabResultsCasePanel(CaseLabResults results) {
        this.results = results;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!results.mayRead(actor, view)) {
            return List.of();
        }
        List<CaseLabResults.LatestResult> latest = results.latest(actor, view);
        if (latest.isEmpty()) {
            return List.of();
        }
        return List.of(new CasePanel("Latest laboratory results", "interop/lab-results-panel", "casePanel",
                Map.of("results", latest), 55));
    }
}
