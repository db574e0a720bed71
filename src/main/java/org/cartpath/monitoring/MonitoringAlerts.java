package org.cartpath.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.monitoring.internal.AlertStore;
import org.cartpath.monitoring.internal.AlertWebhook;
import org.cartpath.monitoring.internal.AnchorStore;
import org.cartpath.monitoring.internal.AssessmentStore;
import org.cartpath.monitoring.internal.MonitoringAccess;
import org.cartpath.monitoring.internal.MonitoringLabels;
import org.cartpath.monitoring.internal.MonitoringSettings;
import org.cartpath.monitoring.rules.AssessmentSchedule;
import org.cartpath.shared.Actor;
import org.cartpath.shared.AlertAcknowledgements;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts for the treating centre's consultants and coordinators (ADR 0011). The rule set is
 * configuration ({@code cartpath.monitoring.alerts}; defaults: CRS grade 2 or more, any ICANS, a temperature
 * of 38 °C or more up to day 14, a missed scheduled assessment). Each alert happens once: once per grade
 * reached in an episode (a rise from 2 to 3 alerts again, a fall back to 2 does not), once per febrile spell
 * (a fever after an afebrile assessment), once per missed scheduled day. Alerts are acknowledged once, with
 * who and when.
 */
@Service
public class MonitoringAlerts {

    private final AlertStore store;
    private final AnchorStore anchors;
    private final AssessmentStore assessments;
    private final MonitoringLabels labels;
    private final MonitoringAccess access;
    private final CaseJourney journey;
    private final AlertWebhook webhook;
    private final MonitoringSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate perCase;

    MonitoringAlerts(AlertStore store, AnchorStore anchors, AssessmentStore assessments, MonitoringLabels labels,
            MonitoringAccess access, CaseJourney journey, AlertWebhook webhook, MonitoringSettings settings,
            AuditTrail audit, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.anchors = anchors;
        this.assessments = assessments;
        this.labels = labels;
        this.access = access;
        this.journey = journey;
        this.webhook = webhook;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.perCase = new TransactionTemplate(transactions);
        this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies the rule set to an assessment just recorded or corrected, in its transaction. */
    void afterAssessment(Actor actor, MonitoringAnchor anchor, RecordedAssessment a, List<RecordedAssessment> current,
            List<ToxicityEpisode> episodes) {
        MonitoringSettings.Alerts rules = settings.alerts();
        if (rules.crs().enabled() && a.crsGrade() >= rules.crs().fromGrade()) {
            gradeAlert(actor, anchor, a, current, episodes, ToxicityEpisode.Syndrome.CRS, a.crsGrade(),
                    a.crsExplanation());
        }
        if (rules.icans().enabled() && a.icansGrade() >= Math.max(1, rules.icans().fromGrade())) {
            gradeAlert(actor, anchor, a, current, episodes, ToxicityEpisode.Syndrome.ICANS, a.icansGrade(),
                    a.icansExplanation());
        }
        MonitoringSettings.FeverRule fever = rules.fever();
        if (fever.enabled() && a.temperatureCelsius().compareTo(fever.fromCelsius()) >= 0 && a.dayNumber() >= 0
                && a.dayNumber() <= fever.withinDays()) {
            Optional<RecordedAssessment> previous = current.stream()
                    .filter(c -> c.assessedAt().isBefore(a.assessedAt()))
                    .max(Comparator.comparing(RecordedAssessment::assessedAt));
            boolean newSpell = previous.isEmpty() || previous.get().temperatureCelsius().compareTo(fever.fromCelsius()) < 0;
            if (newSpell) {
                raise(actor, anchor, MonitoringAlert.Kind.FEVER, null, a.dayNumber(), "Temperature "
                                + a.temperatureCelsius().toPlainString() + " °C on day " + a.dayNumber()
                                + " (alert from " + fever.fromCelsius().toPlainString() + " °C up to day "
                                + fever.withinDays() + ").",
                        a.id(), "FEVER:" + anchor.caseId() + ":" + a.seriesId());
            }
        }
    }

    /** Alerts when the grade is the highest of its episode so far and that grade has not alerted yet. */
    private void gradeAlert(Actor actor, MonitoringAnchor anchor, RecordedAssessment a, List<RecordedAssessment> current,
            List<ToxicityEpisode> episodes, ToxicityEpisode.Syndrome syndrome, int grade, String explanation) {
        Optional<ToxicityEpisode> episode = episodes.stream().filter(e -> e.syndrome() == syndrome)
                .filter(e -> !a.assessedAt().isBefore(e.onsetAt())
                        && (e.resolvedAt() == null || a.assessedAt().isBefore(e.resolvedAt())))
                .findFirst();
        if (episode.isEmpty()) {
            return;
        }
        int highestSoFar = current.stream()
                .filter(c -> !c.assessedAt().isBefore(episode.get().onsetAt()) && !c.assessedAt().isAfter(a.assessedAt()))
                .mapToInt(c -> syndrome == ToxicityEpisode.Syndrome.CRS ? c.crsGrade() : c.icansGrade())
                .max().orElse(grade);
        if (grade < highestSoFar) {
            return;
        }
        MonitoringAlert.Kind kind = syndrome == ToxicityEpisode.Syndrome.CRS ? MonitoringAlert.Kind.CRS_GRADE
                : MonitoringAlert.Kind.ICANS_GRADE;
        raise(actor, anchor, kind, grade, a.dayNumber(), syndrome + " reached grade " + grade + " on day "
                        + a.dayNumber() + ". " + explanation, a.id(),
                syndrome + ":" + anchor.caseId() + ":" + episode.get().onsetAt() + ":" + grade);
    }

    /** Stores and announces the alert unless its key has alerted before; whether it was raised. */
    private boolean raise(Actor actor, MonitoringAnchor anchor, MonitoringAlert.Kind kind, Integer grade, int day,
            String detail, UUID assessmentId, String dedupeKey) {
        MonitoringAlert alert = new MonitoringAlert(UUID.randomUUID(), anchor.caseId(), anchor.caseReference(), kind,
                grade, day, detail, assessmentId, Instant.now(clock), null, null, null);
        if (!store.insertIfNew(alert, anchor.treatingCentre(), dedupeKey)) {
            return false;
        }
        webhook.enqueueIfConfigured(alert);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseId", anchor.caseId().toString());
        after.put("kind", kind.name());
        after.put("grade", grade);
        after.put("dayNumber", day);
        audit.record(actor, "MONITORING_ALERT_RAISED", "MonitoringAlert", alert.id().toString(), null, after, null);
        return true;
    }

    /**
     * Raises an alert for every scheduled assessment day that has passed without an assessment, for every
     * case in monitoring. Runs on a schedule on one instance at a time (an advisory lock held by this
     * transaction; another instance that finds it taken skips the round) and may be called directly. Each case
     * is checked in a transaction of its own, so the audit chain is never held for the whole round. Returns the
     * number of alerts raised.
     */
    @Transactional
    public int checkMissedAssessments() {
        if (!settings.alerts().missedAssessment().enabled() || !store.tryLockMissedCheck()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int raised = 0;
        for (MonitoringAnchor anchor : anchors.allSince(today.minusDays(settings.schedule().untilDay() + 1L))) {
            Integer count = perCase.execute(status -> checkMissed(anchor, today));
            raised += count == null ? 0 : count;
        }
        return raised;
    }

    private int checkMissed(MonitoringAnchor anchor, LocalDate today) {
        Stage stage = journey.get(onBehalfOf(anchor), anchor.caseId()).therapyCase().stage();
        if (!MonitoringAccess.ASSESSED_STAGES.contains(stage)) {
            return 0;
        }
        List<RecordedAssessment> current = assessments.current(anchor.caseId());
        AssessmentSchedule.Status status = labels.schedule(anchor).status(
                current.stream().map(a -> LocalDate.ofInstant(a.assessedAt(), zone)).toList(),
                LocalDate.ofInstant(anchor.startedAt(), zone), today);
        int raised = 0;
        for (AssessmentSchedule.ScheduledDay missed : status.missed()) {
            if (raise(Actor.system("missed assessment check"), anchor, MonitoringAlert.Kind.MISSED_ASSESSMENT, null,
                    missed.day(), "No assessment was recorded for day " + missed.day() + " (" + missed.date() + ").",
                    null, "MISSED:" + anchor.caseId() + ":" + missed.day())) {
                raised++;
            }
        }
        return raised;
    }

    /** cartpath acting for the treating centre, to read the stage of its cases. */
    private static Actor onBehalfOf(MonitoringAnchor anchor) {
        return new Actor("system:monitoring", Actor.ActorType.INTERNAL, "system", "cartpath (monitoring)",
                anchor.treatingCentre(), null, OrganisationKind.TREATMENT_CENTRE, false, Set.of());
    }

    // --- reading and acknowledging -------------------------------------------------------------------

    /** The alerts of the actor's centre, unacknowledged first; for centre staff who see monitoring. */
    @Transactional(readOnly = true)
    public List<MonitoringAlert> alerts(Actor actor, boolean includeAcknowledged, int limit) {
        requireCentreStaff(actor);
        return store.ofCentre(DataVisibility.clinicalScope(actor), includeAcknowledged, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public List<MonitoringAlert> alertsOfCase(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.ofCase(caseId);
    }

    /** Acknowledges an alert (consultants and coordinators of the centre), once. */
    @Transactional
    public MonitoringAlert acknowledge(Actor actor, UUID alertId, String note) {
        MonitoringAlert alert = store.find(alertId).orElseThrow(() -> new NotFoundException("alert", alertId));
        if (actor.organisationId() == null || !actor.organisationId().equals(store.centreOf(alertId))) {
            throw new NotFoundException("alert", alertId);
        }
        if (MonitoringAccess.ALERT_RECIPIENTS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Only the centre's consultants and coordinators acknowledge alerts");
        }
        String trimmed = AlertAcknowledgements.note(note);
        Instant now = Instant.now(clock);
        if (alert.acknowledged() || !store.acknowledge(alertId, actor, now, trimmed)) {
            MonitoringAlert already = store.find(alertId).orElseThrow();
            throw AlertAcknowledgements.alreadyAcknowledged(already.acknowledgedByName(), already.acknowledgedAt());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("acknowledgedAt", now.toString());
        after.put("note", trimmed);
        audit.record(actor, "MONITORING_ALERT_ACKNOWLEDGED", "MonitoringAlert", alertId.toString(), null, after, null);
        return store.find(alertId).orElseThrow();
    }

    private static void requireCentreStaff(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE
                || MonitoringAccess.READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Monitoring alerts are for the treatment centre's ward nurses,"
                    + " consultants, coordinators and pharmacists");
        }
    }
}
