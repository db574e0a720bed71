package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.internal.LymphodepletionStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.cartpath.treatment.lymphodepletion.PlannedDose;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lymphodepletion as given (ADR 0017): each planned dose recorded once, by a ward nurse or a pharmacist, as
 * given, held or modified (with the reason and the dose given); where the course stands; and the flag, once, when the
 * infusion window closes before day 0 ("repeat lymphodepletion needed", a task for the consultant).
 *
 * <p>The first dose given moves the case from "Product received" to "Lymphodepletion". A modified dose is lower than
 * planned: a higher one is refused and the refusal recorded, because nothing but a new, verified plan may raise it.
 */
@Service
public class Lymphodepletion {

    static final Set<Stage> ADMINISTRATION_STAGES = EnumSet.of(Stage.RECEIVED, Stage.LYMPHODEPLETION);
    static final String REPEAT = LymphodepletionCourse.Flag.REPEAT_LYMPHODEPLETION_NEEDED.name();

    /** A time this far ahead of the server's clock is taken as now: clocks of devices drift. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final LymphodepletionStore store;
    private final TreatmentAccess access;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    Lymphodepletion(LymphodepletionStore store, TreatmentAccess access, CaseJourney journey, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.access = access;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * A dose's record.
     *
     * @param plannedOn the planned day of the dose, which with {@code drug} names it in the current plan
     * @param givenMg   for MODIFIED the dose given; for GIVEN, if sent, it must be the planned dose
     */
    public record AdministrationRequest(LocalDate plannedOn, Drug drug, Outcome status, Instant givenAt, BigDecimal givenMg,
            String reason) {
    }

    @Transactional
    public LymphodepletionAdministration record(Actor actor, CaseId caseId, AdministrationRequest r) {
        CaseView view = access.act(actor, caseId, Role.WARD_NURSE, Role.PHARMACIST);
        Instant now = Instant.now(clock);
        check(r, now);
        access.lock(caseId);
        TreatmentAccess.requireStage(view, ADMINISTRATION_STAGES, "lymphodepletion is given once the product is received");
        LymphodepletionPlanRecord plan = store.current(caseId).filter(LymphodepletionPlanRecord::verified)
                .orElseThrow(() -> ProblemException.unprocessable("lymphodepletion-not-verified",
                        "Doses are recorded against a plan the pharmacist has verified"));
        PlannedDose dose = plan.plan().doses().stream().filter(d -> d.date().equals(r.plannedOn()) && d.drug() == r.drug())
                .findFirst().orElseThrow(() -> ProblemException.invalid("plannedOn", "plan version " + plan.version()
                        + " has no " + r.drug().name().toLowerCase() + " dose on " + r.plannedOn()));
        if (dose.withheld()) {
            throw ProblemException.unprocessable("dose-withheld-in-plan", "The plan withholds this dose: " + dose.note());
        }
        List<LymphodepletionAdministration> recorded = store.administrations(plan.id());
        if (recorded.stream().anyMatch(a -> a.plannedOn().equals(r.plannedOn()) && a.drug() == r.drug())) {
            throw ProblemException.conflict("dose-already-recorded", "The " + r.drug().name().toLowerCase() + " dose of "
                    + r.plannedOn() + " is already recorded");
        }
        BigDecimal given = switch (r.status()) {
            case GIVEN -> {
                if (r.givenMg() != null && r.givenMg().compareTo(dose.mg()) != 0) {
                    throw ProblemException.invalid("givenMg", "a dose other than the planned " + dose.mg().toPlainString()
                            + " mg is recorded as MODIFIED, with the reason");
                }
                yield dose.mg();
            }
            case MODIFIED -> modified(actor, caseId, dose, r.givenMg());
            case HELD -> null;
        };
        LymphodepletionAdministration administration = new LymphodepletionAdministration(UUID.randomUUID(), plan.id(),
                r.plannedOn(), r.drug(), r.status(), dose.mg(), given, r.status() == Outcome.HELD ? null : r.givenAt(),
                text(r.reason()), actor.displayName(), now);
        store.insertAdministration(administration, caseId, actor);
        String summary = describe(administration);
        if (view.therapyCase().stage() == Stage.RECEIVED && r.status() != Outcome.HELD) {
            journey.advance(actor, caseId, Stage.LYMPHODEPLETION, "Lymphodepletion started: " + summary);
        } else {
            journey.note(actor, caseId, "LYMPHODEPLETION_DOSE_RECORDED", summary);
        }
        LymphodepletionCourse course = course(plan, store.administrations(plan.id()));
        if (course.outstanding().isEmpty()) {
            // every planned dose is recorded (given, modified or held): the ward's task is done; idempotent
            journey.closeOpenTasks(actor, caseId, StageTasks.LYMPHODEPLETION_DOSES);
        }
        if (course.complete()) {
            LymphodepletionCourse.Window window = course.window();
            journey.note(actor, caseId, "LYMPHODEPLETION_COMPLETED", "Lymphodepletion complete; infuse from "
                    + window.earliest() + " to " + window.latest());
        }
        flagIfWindowClosed(caseId, plan, course);
        audit.record(actor, "LYMPHODEPLETION_DOSE_RECORDED", "LymphodepletionPlan", plan.id().toString(), null,
                auditView(administration), administration.reason());
        return administration;
    }

    /** Where the case's lymphodepletion stands now; empty when nothing is planned. */
    @Transactional(readOnly = true)
    public Optional<LymphodepletionStatus> status(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.current(caseId).map(this::status);
    }

    /** For the checklist, the infusion and the path, inside their transactions (access already checked). */
    Optional<LymphodepletionStatus> statusOf(CaseId caseId) {
        return store.current(caseId).map(this::status);
    }

    /** Every dose recorded for the case, against any plan, in the order they were recorded. */
    @Transactional(readOnly = true)
    public List<LymphodepletionAdministration> administrations(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.administrationsOfCase(caseId);
    }

    /**
     * Raises "repeat lymphodepletion needed" for every case whose infusion window has closed before its infusion:
     * once per plan, as a task for the consultant and a note on the timeline. Run by a scheduled job; safe on any
     * number of instances (the flag is recorded once).
     *
     * @return how many cases were flagged now
     */
    @Transactional
    public int flagClosedWindows() {
        int flagged = 0;
        for (CaseId caseId : store.casesAwaitingInfusion()) {
            Optional<LymphodepletionPlanRecord> plan = store.current(caseId).filter(LymphodepletionPlanRecord::verified);
            if (plan.isPresent() && flagIfWindowClosed(caseId, plan.get(), course(plan.get(),
                    store.administrations(plan.get().id())))) {
                flagged++;
            }
        }
        return flagged;
    }

    private boolean flagIfWindowClosed(CaseId caseId, LymphodepletionPlanRecord plan, LymphodepletionCourse course) {
        LocalDate today = journey.today();
        if (!course.flags(today).contains(LymphodepletionCourse.Flag.REPEAT_LYMPHODEPLETION_NEEDED)) {
            return false;
        }
        LocalDate closed = course.window().latest();
        if (!store.flag(plan.id(), caseId, REPEAT, closed, Instant.now(clock))) {
            return false;
        }
        Actor system = Actor.system("lymphodepletion window check");
        String summary = StageTasks.REPEAT_LYMPHODEPLETION + ": the infusion window after lymphodepletion plan version "
                + plan.version() + " closed on " + closed;
        journey.openTask(system, caseId, summary, Role.CONSULTANT, today);
        journey.note(system, caseId, "REPEAT_LYMPHODEPLETION_NEEDED", summary);
        audit.record(system, "REPEAT_LYMPHODEPLETION_FLAGGED", "LymphodepletionPlan", plan.id().toString(), null,
                Map.of("windowClosedOn", closed.toString()), null);
        return true;
    }

    LymphodepletionStatus status(LymphodepletionPlanRecord plan) {
        List<LymphodepletionAdministration> records = store.administrations(plan.id());
        LymphodepletionCourse course = course(plan, records);
        List<LymphodepletionStatus.DoseLine> lines = plan.plan().doses().stream()
                .map(d -> new LymphodepletionStatus.DoseLine(d, records.stream()
                        .filter(a -> a.plannedOn().equals(d.date()) && a.drug() == d.drug()).findFirst().orElse(null)))
                .toList();
        LymphodepletionCourse.Window window = course.window();
        return new LymphodepletionStatus(plan, lines, course.complete(), course.lastGivenOn().orElse(null),
                window.earliest(), window.latest(), window.fromActualDoses(), course.flags(journey.today()),
                store.flaggedAt(plan.id(), REPEAT).map(at -> LocalDate.ofInstant(at, zone)).orElse(null));
    }

    LymphodepletionCourse course(LymphodepletionPlanRecord plan, List<LymphodepletionAdministration> records) {
        return new LymphodepletionCourse(plan.plan(), plan.dayReference(), plan.plannedInfusionOn(), records.stream()
                .map(a -> new LymphodepletionCourse.DoseRecord(a.plannedOn(), a.drug(), a.status(), a.givenMg(),
                        a.givenAt() == null ? null : LocalDate.ofInstant(a.givenAt(), zone)))
                .toList());
    }

    // --- rules ---------------------------------------------------------------------------------------

    private static void check(AdministrationRequest r, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.plannedOn() == null) {
            problems.add(new FieldProblem("plannedOn", "is required: the planned day of the dose"));
        }
        if (r.drug() == null) {
            problems.add(new FieldProblem("drug", "is required"));
        }
        if (r.status() == null) {
            problems.add(new FieldProblem("status", "is required: GIVEN, HELD or MODIFIED"));
        } else if (r.status() == Outcome.HELD) {
            if (r.givenAt() != null) {
                problems.add(new FieldProblem("givenAt", "a held dose was not given: leave it empty"));
            }
            if (r.givenMg() != null) {
                problems.add(new FieldProblem("givenMg", "a held dose was not given: leave it empty"));
            }
        } else if (r.givenAt() == null) {
            problems.add(new FieldProblem("givenAt", "is required: when the dose was given"));
        } else if (r.givenAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("givenAt", "must not be in the future"));
        }
        if (r.status() == Outcome.MODIFIED && r.givenMg() == null) {
            problems.add(new FieldProblem("givenMg", "is required: the dose given"));
        }
        if (r.status() != null && r.status() != Outcome.GIVEN && (r.reason() == null || r.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "say why the dose was " + r.status().name().toLowerCase()));
        }
        if (r.reason() != null && r.reason().trim().length() > 500) {
            problems.add(new FieldProblem("reason", "must be 500 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private BigDecimal modified(Actor actor, CaseId caseId, PlannedDose dose, BigDecimal givenMg) {
        if (givenMg.signum() <= 0) {
            throw ProblemException.invalid("givenMg", "must be more than 0; a dose not given is HELD");
        }
        if (givenMg.compareTo(dose.mg()) == 0) {
            throw ProblemException.invalid("givenMg", "is the planned dose: record it as GIVEN");
        }
        if (givenMg.compareTo(dose.mg()) > 0) {
            String detail = givenMg.stripTrailingZeros().toPlainString() + " mg of " + dose.drug().name().toLowerCase()
                    + " is more than the planned " + dose.mg().toPlainString() + " mg: a higher dose needs a new plan, "
                    + "verified by the pharmacist";
            audit.recordIndependently(actor, "LYMPHODEPLETION_DOSE_REFUSED", "TherapyCase", caseId.toString(),
                    Map.of("plannedOn", dose.date().toString(), "drug", dose.drug().name(), "plannedMg",
                            dose.mg().toPlainString(), "givenMg", givenMg.toPlainString()), detail);
            throw ProblemException.unprocessable("dose-above-plan", detail);
        }
        return givenMg;
    }

    private static String describe(LymphodepletionAdministration a) {
        String drug = a.drug().name().charAt(0) + a.drug().name().substring(1).toLowerCase();
        return switch (a.status()) {
            case GIVEN -> drug + " " + a.givenMg().toPlainString() + " mg (planned for " + a.plannedOn() + ") given";
            case MODIFIED -> drug + " " + a.givenMg().stripTrailingZeros().toPlainString() + " mg given instead of "
                    + a.plannedMg().toPlainString() + " mg (planned for " + a.plannedOn() + "): " + a.reason();
            case HELD -> drug + " dose planned for " + a.plannedOn() + " held: " + a.reason();
        };
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<String, Object> auditView(LymphodepletionAdministration a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("administrationId", a.id().toString());
        view.put("plannedOn", a.plannedOn().toString());
        view.put("drug", a.drug().name());
        view.put("status", a.status().name());
        view.put("plannedMg", a.plannedMg().toPlainString());
        view.put("givenMg", a.givenMg() == null ? null : a.givenMg().toPlainString());
        view.put("givenAt", a.givenAt() == null ? null : a.givenAt().toString());
        return view;
    }
}
