package org.cartpath.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.LabResultFiled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Laboratory results filed by an interface (HL7 v2 or FHIR, {@link LabResultFiled}) feed an infused case's follow-up
 * counts series without being typed again (ADR 0035): neutrophils, platelets and haemoglobin (the counts, and so
 * ICAHT), IgG and CD19+ B cells (and so B-cell aplasia). Through the event publication registry, after the filing
 * commits (ADR 0022): idempotent (one row per filed result, {@code on conflict do nothing}) and audited only when it
 * wrote something. A result of a case without a follow-up plan (not infused), taken before day 0 (monitoring's, not
 * follow-up's) or of another measurement is left alone. Interop files a result only for a case of the centre whose
 * interface sent it (ADR 0024, 0030), and the case page shows it only to those who may read the case's follow-up.
 */
@Component
class InterfaceResultReactions {

    static final Set<String> MEASUREMENTS = Set.of("ANC", "PLATELETS", "HAEMOGLOBIN", "IGG", "CD19_B_CELLS");
    private static final Actor REACTION = Actor.system("follow-up counts from laboratory interfaces");

    private final PlanStore plans;
    private final InterfaceResultStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    InterfaceResultReactions(PlanStore plans, InterfaceResultStore store, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.plans = plans;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    void on(LabResultFiled filed) {
        file(filed);
    }

    /** Files the result into the follow-up series if it belongs there; whether it was written now. */
    boolean file(LabResultFiled filed) {
        if (filed.caseId() == null || !MEASUREMENTS.contains(filed.measurement()) || filed.value() == null
                || filed.value().signum() < 0) {
            return false;
        }
        CaseId caseId = new CaseId(filed.caseId());
        LocalDate observedOn = LocalDate.ofInstant(filed.observedAt(), zone);
        boolean inFollowUp = plans.find(caseId).map(plan -> !observedOn.isBefore(plan.dayZero())).orElse(false);
        if (!inFollowUp) {
            return false;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean written = store.insertOnce(filed.resultId(), caseId, filed.measurement(), filed.value(), filed.unit(),
                observedOn, filed.observedAt(), filed.source(), now);
        if (written) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("caseId", caseId.toString());
            view.put("measurement", filed.measurement());
            view.put("value", filed.value().toPlainString());
            view.put("unit", filed.unit());
            view.put("observedOn", observedOn.toString());
            view.put("source", filed.source());
            audit.record(REACTION, "FOLLOW_UP_INTERFACE_RESULT_FILED", "FollowUpInterfaceResult",
                    filed.resultId().toString(), null, view, null);
        }
        return written;
    }
}
