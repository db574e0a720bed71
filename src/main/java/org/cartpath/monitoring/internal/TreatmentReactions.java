package org.cartpath.monitoring.internal;

import org.cartpath.journey.CaseView;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringStart;
import org.cartpath.monitoring.StockCheck;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.shared.Actor;
import org.cartpath.treatment.InfusionRecorded;
import org.cartpath.treatment.TocilizumabOnSite;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Monitoring's side of treatment, which comes before it in the journey and so never calls it: monitoring starts when
 * the infusion is recorded (in the infusion's transaction, so the case is never "Infused" without its monitoring
 * window), and the pre-infusion checklist reads the tocilizumab count through {@link TocilizumabOnSite}.
 */
@Component
class TreatmentReactions implements TocilizumabOnSite {

    private final MonitoringManagement monitoring;
    private final ToxicityTreatment toxicity;

    TreatmentReactions(MonitoringManagement monitoring, ToxicityTreatment toxicity) {
        this.monitoring = monitoring;
        this.toxicity = toxicity;
    }

    @EventListener
    void on(InfusionRecorded infused) {
        monitoring.startMonitoring(infused.actor(), infused.caseId(), new MonitoringStart(infused.infusedAt(),
                infused.ageYears(), infused.developmentalDelay(), infused.weightKg()));
    }

    @Override
    public boolean maySee(Actor actor, CaseView view) {
        return toxicity.maySeeStock(actor, view);
    }

    @Override
    public Count count(Actor actor, CaseView view) {
        StockCheck stock = toxicity.stockCheck(actor, view.therapyCase().id());
        Status status = switch (stock.status()) {
            case NOT_COUNTED -> Status.NOT_COUNTED;
            case ENOUGH -> Status.ENOUGH;
            case SHORT -> Status.SHORT;
            case NO_REQUIREMENT_IN_CATALOGUE -> Status.NO_REQUIREMENT_IN_CATALOGUE;
        };
        return new Count(status, stock.summary(), stock.countedByName());
    }
}
