package org.cartpath.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.journey.CaseEnded;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of a planned clinic visit (docs/clinical/follow-up.md): recorded once by the treating centre's
 * follow-up staff, attended or not attended (with the reason), on a date from day 0 to today. The visit then stops
 * being due, its overdue reminder closes, and the worklist shows the next item. Every record is audited.
 */
@Service
public class ClinicVisits {

    /** What the centre records of a visit. */
    public record Outcome(Boolean attended, LocalDate on, String reason) {
    }

    private final PlanStore store;
    private final FollowUpAccess access;
    private final FollowUpPlans plans;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;

    ClinicVisits(PlanStore store, FollowUpAccess access, FollowUpPlans plans, CaseJourney journey, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.plans = plans;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The visit as the actor may record it: 404 for another organisation's case, a case without a plan or an unknown
     * visit; 403 for a role that does not keep follow-up.
     */
    @Transactional(readOnly = true)
    public PlannedVisit visitForRecording(Actor actor, CaseId id, String key) {
        access.keepFollowUp(actor, id, "record a clinic visit");
        return store.visits(id).stream().filter(v -> v.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("clinic visit", key));
    }

    /**
     * Records the visit's outcome. 400 naming {@code attended}, {@code on} (before day 0 or in the future) or
     * {@code reason} (required when not attended); 409 {@code visit-already-recorded} for a visit already closed; 404
     * and 403 as {@link #visitForRecording}.
     */
    @Transactional
    public PlannedVisit record(Actor actor, CaseId id, String key, Outcome outcome) {
        CaseView view = access.keepFollowUp(actor, id, "record a clinic visit");
        PlanStore.PlanRow plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("clinic visit", key));
        PlannedVisit visit = store.visitForUpdate(id, key).orElseThrow(() -> new NotFoundException("clinic visit", key));
        check(outcome, plan.dayZero(), plans.today());
        if (visit.done()) {
            throw ProblemException.conflict("visit-already-recorded", "The " + visit.label() + " visit of case "
                    + view.therapyCase().reference() + " is already recorded ("
                    + visit.statusOn(plans.today()).label().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        String reason = outcome.reason() == null || outcome.reason().isBlank() ? null : outcome.reason().trim();
        Instant now = Instant.now(clock);
        store.recordVisit(id, key, outcome.attended(), outcome.on(), reason, actor.displayName(), now);
        store.visitTask(id, key).ifPresent(task -> journey.closeTask(actor, id, task, CaseTask.Closure.DONE));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("visit", key);
        after.put("attended", outcome.attended());
        after.put("on", outcome.on().toString());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.record(actor, "FOLLOW_UP_VISIT_RECORDED", "TherapyCase", id.toString(), Map.of("visit", key,
                "status", "PLANNED"), after, outcome.attended() ? null : reason);
        return store.visitForUpdate(id, key).orElseThrow();
    }

    /** The refusals of what was entered, each naming its field; nothing is stored. */
    static void check(Outcome outcome, LocalDate dayZero, LocalDate today) {
        List<FieldProblem> problems = problems(outcome, dayZero, today);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** What is wrong with what was entered, each naming its field (shared care checks a hospital's visit the same way). */
    static List<FieldProblem> problems(Outcome outcome, LocalDate dayZero, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome.attended() == null) {
            problems.add(new FieldProblem("attended", "Say whether the patient attended"));
        }
        if (outcome.on() == null) {
            problems.add(new FieldProblem("on", "is required"));
        } else if (outcome.on().isBefore(dayZero)) {
            problems.add(new FieldProblem("on", "must be on or after day 0, the infusion on " + dayZero));
        } else if (outcome.on().isAfter(today)) {
            problems.add(new FieldProblem("on", "cannot be in the future"));
        }
        boolean noReason = outcome.reason() == null || outcome.reason().isBlank();
        if (Boolean.FALSE.equals(outcome.attended()) && noReason) {
            problems.add(new FieldProblem("reason", "Give the reason the patient did not attend"));
        } else if (!noReason && outcome.reason().length() > TextLimits.LONG) {
            problems.add(new FieldProblem("reason", "must be at most " + TextLimits.LONG + " characters"));
        }
        return problems;
    }

    /**
     * A case ended as deceased through the journey (its own death flow, without a date of death here): the visits due
     * after today stop being due, in the same transaction. After {@link OutcomeEvents} has recorded a death, nothing is
     * left to cancel.
     */
    @EventListener
    void on(CaseEnded ended) {
        if (ended.ending() != Stage.DECEASED || !store.exists(ended.caseId())) {
            return;
        }
        List<PlannedVisit> cancelled = cancel(ended.actor(), ended.caseId(), plans.today(),
                "The case ended as deceased: " + ended.reason());
        if (!cancelled.isEmpty()) {
            audit.record(ended.actor(), "FOLLOW_UP_VISITS_NO_LONGER_DUE", "TherapyCase", ended.caseId().toString(),
                    null, Map.of("visits", cancelled.stream().map(PlannedVisit::key).toList()), ended.reason());
        }
    }

    /** Cancels the visits due after the date of death, closing their reminders; answers the visits cancelled. */
    List<PlannedVisit> cancelAfterDeath(Actor actor, CaseId id, LocalDate died) {
        return cancel(actor, id, died, "The patient died on " + died);
    }

    private List<PlannedVisit> cancel(Actor actor, CaseId id, LocalDate after, String note) {
        List<PlannedVisit> cancelled = store.cancelVisitsAfter(id, after, note, actor.displayName(),
                Instant.now(clock));
        List<UUID> tasks = store.visitTasks(id, cancelled.stream().map(PlannedVisit::key).toList());
        for (UUID task : tasks) {
            journey.closeTask(actor, id, task, CaseTask.Closure.CANCELLED);
        }
        return cancelled;
    }
}
