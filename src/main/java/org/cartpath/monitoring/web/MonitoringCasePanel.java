package org.cartpath.monitoring.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.monitoring.MonitoringAlerts;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringPermissions;
import org.cartpath.monitoring.MonitoringSummary;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The case page's monitoring: grades over time, episodes, tocilizumab, steroid guidance and alerts, for the
 * treating centre's staff only; the actions to start monitoring and to record an assessment.
 */
@Component
class MonitoringCasePanel implements CasePageContributor {

    private static final List<Stage> SHOWN = List.of(Stage.INFUSED, Stage.MONITORING, Stage.FOLLOW_UP, Stage.COMPLETED,
            Stage.WITHDRAWN, Stage.DECEASED);

    /** Before infusion the centre checks that the tocilizumab the label asks for is on site. */
    private static final List<Stage> BEFORE_INFUSION = List.of(Stage.RECEIVED, Stage.LYMPHODEPLETION);

    private final MonitoringManagement monitoring;
    private final ToxicityTreatment treatment;
    private final MonitoringAlerts alerts;

    MonitoringCasePanel(MonitoringManagement monitoring, ToxicityTreatment treatment, MonitoringAlerts alerts) {
        this.monitoring = monitoring;
        this.treatment = treatment;
        this.alerts = alerts;
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        MonitoringPermissions may = monitoring.permissions(actor, view);
        Stage stage = view.therapyCase().stage();
        String base = "/cases/" + view.therapyCase().id();
        if (may.countStock() && BEFORE_INFUSION.contains(stage)) {
            return List.of(new CaseAction("Tocilizumab on site", base + "/tocilizumab", false));
        }
        if (!may.see() || !SHOWN.contains(stage)) {
            return List.of();
        }
        List<CaseAction> actions = new ArrayList<>();
        boolean started = monitoring.anchor(actor, view.therapyCase().id()).isPresent();
        boolean open = stage == Stage.INFUSED || stage == Stage.MONITORING || stage == Stage.FOLLOW_UP;
        if (!started && may.start() && (stage == Stage.INFUSED || stage == Stage.MONITORING)) {
            actions.add(new CaseAction("Start monitoring (day 0)", base + "/monitoring/start", true));
        }
        if (started && may.assess() && open) {
            actions.add(new CaseAction("Record an assessment", base + "/assessments/new", true));
            actions.add(new CaseAction("Record a weight", base + "/monitoring/weight", false));
        }
        if (started) {
            actions.add(new CaseAction("Tocilizumab and steroids", base + "/tocilizumab", false));
        }
        return actions;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        MonitoringPermissions may = monitoring.permissions(actor, view);
        if (may.see() && BEFORE_INFUSION.contains(view.therapyCase().stage())) {
            return List.of(new CasePanel("Tocilizumab on site", "monitoring/panel", "stockPanel",
                    Map.of("caseId", view.therapyCase().id().toString(),
                            "stock", treatment.stockCheck(actor, view.therapyCase().id())), 60));
        }
        if (!may.see() || !SHOWN.contains(view.therapyCase().stage())) {
            return List.of();
        }
        Optional<MonitoringSummary> summary = monitoring.summary(actor, view.therapyCase().id());
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", view.therapyCase().id().toString());
        model.put("summary", summary.orElse(null));
        model.put("permissions", may);
        if (summary.isPresent()) {
            model.put("tocilizumab", treatment.tocilizumab(actor, view.therapyCase().id()));
            model.put("steroids", treatment.steroidGuidance(actor, view.therapyCase().id()));
            model.put("alerts", alerts.alertsOfCase(actor, view.therapyCase().id()));
        }
        return List.of(new CasePanel("Toxicity monitoring", "monitoring/panel", "casePanel", model, 60));
    }
}
