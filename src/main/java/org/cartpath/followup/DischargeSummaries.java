package org.cartpath.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Indication;
import org.cartpath.followup.internal.DischargeSummaryPainter;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.TocilizumabDoseGiven;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.cartpath.treatment.Infusions;
import org.cartpath.treatment.Lymphodepletion;
import org.cartpath.treatment.LymphodepletionAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discharge summary for the referring hospital and the GP (docs/clinical/discharge-documents.md), made from the
 * record at each print, reprintable, each print audited. It gathers what the treatment, monitoring and follow-up
 * modules hold through their public APIs; the patient alert card's facts (patient, product, infusion date, 24-hour
 * contact, driving) come from {@link DischargeDocuments}, so the two documents never disagree.
 */
@Service
public class DischargeSummaries {

    /**
     * Who prints the summary: the treating centre's consultants and coordinators, who write to the referring team and
     * the GP and who read the treatment and monitoring records it is made from.
     */
    static final Role[] WRITERS = {Role.CONSULTANT, Role.COORDINATOR};
    private static final int NEXT = 5;

    private final CaseJourney journey;
    private final DischargeDocuments documents;
    private final FollowUpPlans plans;
    private final ResponseAssessments responses;
    private final FollowUpEntries entries;
    private final OutcomeEvents events;
    private final MonitoringManagement monitoring;
    private final ToxicityTreatment toxicity;
    private final Infusions infusions;
    private final Lymphodepletion lymphodepletion;
    private final OrganisationManagement organisations;
    private final AuditTrail audit;
    private final ZoneId zone;

    DischargeSummaries(CaseJourney journey, DischargeDocuments documents, FollowUpPlans plans,
            ResponseAssessments responses, FollowUpEntries entries, OutcomeEvents events,
            MonitoringManagement monitoring, ToxicityTreatment toxicity, Infusions infusions,
            Lymphodepletion lymphodepletion, OrganisationManagement organisations, AuditTrail audit,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.journey = journey;
        this.documents = documents;
        this.plans = plans;
        this.responses = responses;
        this.entries = entries;
        this.events = events;
        this.monitoring = monitoring;
        this.toxicity = toxicity;
        this.infusions = infusions;
        this.lymphodepletion = lymphodepletion;
        this.organisations = organisations;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** Whether the actor may print the case's discharge summary (the case page's link). */
    public boolean mayPrint(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, WRITERS);
    }

    /**
     * The case's discharge summary as a PDF, made from the record now, and the print audited
     * ({@code DISCHARGE_SUMMARY_PRINTED}). 404 for another organisation's case (the referring hospital receives the
     * summary, it does not print it here); 403 for a role that does not write it; 409 {@code not-infused} before the
     * infusion and {@code centre-contact-missing} until the centre has set its 24-hour contact.
     */
    @Transactional
    public byte[] print(Actor actor, CaseId id) {
        CaseView view = journey.get(actor, id).requireCentreStaff(actor, List.of(WRITERS),
                "print the discharge summary");
        DischargeSummary summary = summary(actor, view);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseId", id.toString());
        after.put("infusedOn", summary.card().infusedOn().toString());
        after.put("episodes", summary.episodes().size());
        after.put("latestResponse", summary.latestResponse() == null ? null : summary.latestResponse().category());
        after.put("nextVisit", summary.nextVisits().isEmpty() ? null : summary.nextVisits().get(0).dueDate()
                .toString());
        audit.record(actor, "DISCHARGE_SUMMARY_PRINTED", "TherapyCase", id.toString(), null, after, null);
        return DischargeSummaryPainter.paint(summary);
    }

    DischargeSummary summary(Actor actor, CaseView view) {
        AlertCard card = documents.alertCard(actor, view);
        TherapyCase c = view.therapyCase();
        CaseId id = c.id();
        FollowUpPlan plan = plans.find(view).orElseThrow();
        LocalDate today = plans.today();
        ResponseHistory history = responses.history(view);
        FollowUpEntries.History recorded = entries.history(view);
        DischargeSummary.Infusion infusion = infusions.infusion(actor, id).map(i -> new DischargeSummary.Infusion(
                i.startedAt(), i.lotNumber(), i.doseCells(), i.doseCellsPerKg(), i.weightKg(), i.reactions()))
                .orElse(null);
        List<DischargeSummary.LymphodepletionDose> doses = lymphodepletion.administrations(actor, id).stream()
                .sorted(Comparator.comparing(LymphodepletionAdministration::plannedOn))
                .map(a -> new DischargeSummary.LymphodepletionDose(a.drug().label(), a.plannedOn(),
                        a.statusLabel(), a.givenMg()))
                .toList();
        List<DischargeSummary.Episode> episodes = monitoring.episodes(actor, id).stream()
                .map(e -> new DischargeSummary.Episode(e.syndrome().name(), e.onsetDay(), e.highestGrade(),
                        e.resolvedDay()))
                .toList();
        List<java.time.Instant> tocilizumab = toxicity.tocilizumab(actor, id).doses().stream()
                .map(TocilizumabDoseGiven::givenAt).sorted().toList();
        FollowUpEntries.CountPoint latestCounts = recorded.counts().stream()
                .max(Comparator.comparing(FollowUpEntries.CountPoint::on)).orElse(null);
        return new DischargeSummary(card, indication(c.indication()), organisationName(c), infusion, doses, episodes,
                tocilizumab, recorded.earlyIcaht(), latestCounts, recorded.bCellAplasia(), history.latest(), history.best(),
                events.events(view), plan.visits().stream().filter(v -> !v.done() && !v.dueDate().isBefore(today))
                        .limit(NEXT).toList(),
                plan.timepoints().stream().filter(t -> !t.completed()
                        && !(t.windowEnd() == null ? t.dueDate() : t.windowEnd()).isBefore(today)).limit(NEXT).toList(),
                actor.displayName(), zone);
    }

    private static String indication(String code) {
        for (Indication i : Indication.values()) {
            if (i.name().equals(code)) {
                return i.label();
            }
        }
        return code == null ? "Not recorded" : code;
    }

    private String organisationName(TherapyCase c) {
        return organisations.directory().stream().filter(o -> o.id().equals(c.referringOrganisation()))
                .map(Organisation::name).findFirst().orElse("Not recorded");
    }
}
