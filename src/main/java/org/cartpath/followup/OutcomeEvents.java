package org.cartpath.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.OutcomeEvent.AntigenStatus;
import org.cartpath.followup.OutcomeEvent.DeathCause;
import org.cartpath.followup.OutcomeEvent.InformationSource;
import org.cartpath.followup.OutcomeEvent.Kind;
import org.cartpath.followup.OutcomeEvent.MalignancyType;
import org.cartpath.followup.internal.OutcomeEventStore;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's outcome events after infusion (docs/clinical/follow-up.md): relapse or progression (site, target
 * antigen status), vital status (alive at last contact, lost to follow-up, death with its cause category) and second
 * primary malignancies, each dated from day 0 to today with its source, recorded by the treating centre's follow-up
 * staff and audited. A death is recorded once: the clinic visits due after it stop being due, and the case ends as
 * deceased (the journey closes its open tasks). A T-cell malignancy opens the tasks to report it to the manufacturer
 * and to the MHRA (Yellow Card), after the FDA's and the MHRA's 2024 warnings of secondary T-cell malignancies after
 * CAR-T therapy.
 */
@Service
public class OutcomeEvents {

    /** What the centre records; the fields a kind does not use are ignored. */
    public record Entry(Kind kind, LocalDate occurredOn, InformationSource source, String sourceDocument, String site,
            String targetAntigen, AntigenStatus antigenStatus, DeathCause cause, String causeDetail,
            MalignancyType malignancyType, String diagnosis) {
    }

    /** The CAR targets whose loss at relapse is recorded (CD19: tisagenlecleucel, axi-cel…; BCMA: ide-cel, cilta-cel). */
    public static final Set<String> TARGET_ANTIGENS = Set.of("CD19", "BCMA");

    /** Days the T-cell malignancy report tasks are due in (docs/clinical/follow-up.md; for a clinician to confirm). */
    static final int REPORT_DAYS = 15;

    private final OutcomeEventStore store;
    private final PlanStore plans;
    private final FollowUpAccess access;
    private final FollowUpPlans followUp;
    private final ClinicVisits visits;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;

    OutcomeEvents(OutcomeEventStore store, PlanStore plans, FollowUpAccess access, FollowUpPlans followUp,
            ClinicVisits visits, CaseJourney journey, AuditTrail audit, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.access = access;
        this.followUp = followUp;
        this.visits = visits;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    /** Day 0 of a case the actor may record events for: 404/403 as {@link FollowUpAccess#keepFollowUp}; 409 before the infusion. */
    @Transactional(readOnly = true)
    public LocalDate dayZeroForRecording(Actor actor, CaseId id) {
        access.keepFollowUp(actor, id, "record the patient's outcome");
        return plans.find(id).map(PlanStore.PlanRow::dayZero).orElseThrow(OutcomeEvents::notInfused);
    }

    /**
     * Records an event. 400 naming the field (date before day 0, in the future or after the recorded death; a
     * missing kind, source, cause or malignancy type; an unknown antigen); 409 {@code death-already-recorded} for a
     * second death, 409 {@code patient-died} for a vital status after the death; 409 {@code case-not-infused}.
     */
    @Transactional
    public OutcomeEvent record(Actor actor, CaseId id, Entry entry) {
        CaseView view = access.keepFollowUp(actor, id, "record the patient's outcome");
        LocalDate dayZero = plans.findForUpdate(id).map(PlanStore.PlanRow::dayZero)
                .orElseThrow(OutcomeEvents::notInfused);
        Optional<OutcomeEvent> death = store.death(id);
        check(entry, dayZero, followUp.today(), death.map(OutcomeEvent::occurredOn).orElse(null));
        if (death.isPresent() && entry.kind() == Kind.DEATH) {
            throw ProblemException.conflict("death-already-recorded", "The death of the patient of case "
                    + view.therapyCase().reference() + " is already recorded, on " + death.get().occurredOn()
                    + "; a death is recorded once");
        }
        if (death.isPresent() && (entry.kind() == Kind.ALIVE || entry.kind() == Kind.LOST_TO_FOLLOW_UP)) {
            throw ProblemException.conflict("patient-died", "The patient of case " + view.therapyCase().reference()
                    + " is recorded as having died on " + death.get().occurredOn());
        }
        OutcomeEvent event = new OutcomeEvent(UUID.randomUUID(), entry.kind(), entry.occurredOn(), details(entry),
                entry.source(), trimmed(entry.sourceDocument()), actor.displayName(), Instant.now(clock));
        store.insert(id, event, actor.id());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("eventId", event.id().toString());
        after.put("kind", event.kind().name());
        after.put("occurredOn", event.occurredOn().toString());
        after.put("source", event.source().name());
        after.putAll(event.details());
        if (entry.kind() == Kind.DEATH) {
            List<PlannedVisit> cancelled = visits.cancelAfterDeath(actor, id, entry.occurredOn());
            after.put("visitsNoLongerDue", cancelled.stream().map(PlannedVisit::key).toList());
        }
        audit.record(actor, "FOLLOW_UP_OUTCOME_RECORDED", "TherapyCase", id.toString(), null, after, null);
        journey.note(actor, id, "FOLLOW_UP_" + entry.kind().name(), event.summary() + ", " + event.occurredOn());
        if (entry.kind() == Kind.DEATH && !view.therapyCase().stage().isEnding()) {
            journey.end(actor, id, Stage.DECEASED, "Died on " + entry.occurredOn() + ": " + entry.cause().label());
        }
        if (entry.kind() == Kind.SECOND_MALIGNANCY && entry.malignancyType() == MalignancyType.T_CELL) {
            LocalDate due = followUp.today().plusDays(REPORT_DAYS);
            journey.openTask(actor, id, "Report the T-cell malignancy to the manufacturer", Role.CONSULTANT, due);
            journey.openTask(actor, id, "Report the T-cell malignancy to the MHRA (Yellow Card)", Role.CONSULTANT, due);
        }
        return event;
    }

    /** The case's events as the actor may see them (the follow-up plan's readers). */
    @Transactional(readOnly = true)
    public List<OutcomeEvent> events(Actor actor, CaseId id) {
        access.read(actor, id);
        return store.events(id);
    }

    /** The events of a case the caller has already checked the actor may see (the case page). */
    @Transactional(readOnly = true)
    public List<OutcomeEvent> events(CaseView view) {
        return store.events(view.therapyCase().id());
    }

    /** The refusals of what was entered, each naming its field. */
    static void check(Entry entry, LocalDate dayZero, LocalDate today, LocalDate died) {
        List<FieldProblem> problems = new ArrayList<>();
        if (entry.kind() == null) {
            problems.add(new FieldProblem("kind", "is required"));
        }
        if (entry.occurredOn() == null) {
            problems.add(new FieldProblem("occurredOn", "is required"));
        } else if (entry.occurredOn().isBefore(dayZero)) {
            problems.add(new FieldProblem("occurredOn", "must be on or after day 0, the infusion on " + dayZero));
        } else if (entry.occurredOn().isAfter(today)) {
            problems.add(new FieldProblem("occurredOn", "cannot be in the future"));
        } else if (died != null && entry.kind() != Kind.DEATH && entry.occurredOn().isAfter(died)) {
            problems.add(new FieldProblem("occurredOn", "cannot be after the patient's death on " + died));
        }
        if (entry.source() == null) {
            problems.add(new FieldProblem("source", "is required"));
        }
        length(problems, "sourceDocument", entry.sourceDocument());
        if (entry.kind() == Kind.RELAPSE || entry.kind() == Kind.PROGRESSION) {
            length(problems, "site", entry.site());
            String antigen = trimmed(entry.targetAntigen());
            if (antigen != null && !TARGET_ANTIGENS.contains(antigen)) {
                problems.add(new FieldProblem("targetAntigen", "must be one of " + TARGET_ANTIGENS.stream().sorted()
                        .toList()));
            } else if (antigen == null && entry.antigenStatus() != null) {
                problems.add(new FieldProblem("targetAntigen", "is required with the antigen status"));
            } else if (antigen != null && entry.antigenStatus() == null) {
                problems.add(new FieldProblem("antigenStatus", "is required with the target antigen"));
            }
        }
        if (entry.kind() == Kind.DEATH) {
            if (entry.cause() == null) {
                problems.add(new FieldProblem("cause", "is required"));
            } else if (entry.cause() == DeathCause.OTHER && trimmed(entry.causeDetail()) == null) {
                problems.add(new FieldProblem("causeDetail", "is required when the cause is other"));
            }
            length(problems, "causeDetail", entry.causeDetail());
        }
        if (entry.kind() == Kind.SECOND_MALIGNANCY) {
            if (entry.malignancyType() == null) {
                problems.add(new FieldProblem("malignancyType", "is required"));
            }
            length(problems, "diagnosis", entry.diagnosis());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static Map<String, Object> details(Entry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        switch (entry.kind()) {
            case RELAPSE, PROGRESSION -> {
                put(details, "site", trimmed(entry.site()));
                put(details, "targetAntigen", trimmed(entry.targetAntigen()));
                put(details, "antigenStatus", entry.antigenStatus() == null ? null : entry.antigenStatus().name());
            }
            case DEATH -> {
                details.put("cause", entry.cause().name());
                put(details, "causeDetail", trimmed(entry.causeDetail()));
            }
            case SECOND_MALIGNANCY -> {
                details.put("malignancyType", entry.malignancyType().name());
                put(details, "diagnosis", trimmed(entry.diagnosis()));
                details.put("reportable", entry.malignancyType() == MalignancyType.T_CELL);
            }
            default -> {
            }
        }
        return details;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void length(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > TextLimits.SHORT) {
            problems.add(new FieldProblem(field, "must be at most " + TextLimits.SHORT + " characters"));
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ProblemException notInfused() {
        return ProblemException.conflict("case-not-infused", "Outcome events are recorded after the infusion: this"
                + " case has no infusion recorded yet, so it has no day 0");
    }
}
