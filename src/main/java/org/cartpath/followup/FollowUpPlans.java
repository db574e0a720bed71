package org.cartpath.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.FollowUpParameters;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.followup.schedule.ClinicSchedule;
import org.cartpath.followup.schedule.RegistrySchedule;
import org.cartpath.followup.schedule.RegistryTimepoint;
import org.cartpath.followup.schedule.RegistryTimepointName;
import org.cartpath.followup.schedule.RegistryTrack;
import org.cartpath.followup.schedule.ScheduleRequests;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each infused case's follow-up plan (docs/clinical/follow-up-schedule.md): made when the infusion is recorded, in the
 * infusion's transaction, with the catalogue's default registry track for the product and the centre's clinic
 * schedule (the catalogue's default without one); read by the treating centre and the referring hospital; its track
 * changed by the treating centre with a reason (the time points still planned are recomputed, completed ones kept).
 * Every change is audited.
 */
@Service
public class FollowUpPlans {

    private final PlanStore store;
    private final FollowUpAccess access;
    private final CaseJourney journey;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    FollowUpPlans(PlanStore store, FollowUpAccess access, CaseJourney journey, Catalogue catalogue, AuditTrail audit,
            Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.access = access;
        this.journey = journey;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Makes the case's plan from the infusion (day 0 is the infusion's calendar day where the centre is). Idempotent:
     * a case that already has a plan keeps it.
     */
    @Transactional
    public void planAfterInfusion(Actor actor, CaseId id, Instant infusedAt) {
        if (store.exists(id)) {
            return;
        }
        TherapyCase therapyCase = journey.get(Actor.system("follow-up plan"), id).therapyCase();
        LocalDate dayZero = LocalDate.ofInstant(infusedAt, zone);
        FollowUpParameters defaults = catalogue.followUp();
        RegistryTrack track = RegistryTrack.valueOf(defaults.geneticallyModifiedCommercialTrack());
        String trackBasis = "Catalogue default for a genetically modified commercial product (" + defaults.id() + "): "
                + defaults.trackSource();
        Optional<ClinicSchedule> own = store.clinicSchedule(therapyCase.treatingCentre(), therapyCase.productCode());
        ClinicSchedule clinic = own.orElseGet(() -> new ClinicSchedule(defaults.clinicVisitDays(),
                defaults.clinicYearlyToYear()));
        String clinicBasis = own.isPresent() ? "The centre's clinic schedule for " + catalogue.productName(
                therapyCase.productCode()) : "Catalogue default clinic schedule (" + defaults.id() + ")";
        Instant now = Instant.now(clock);
        store.insertPlan(id, dayZero, therapyCase.productCode(), track, trackBasis, clinicBasis, now);
        List<RegistryTimepoint> timepoints = RegistrySchedule.timepoints(dayZero, track);
        timepoints.forEach(t -> store.insertTimepoint(id, track, t));
        List<ClinicSchedule.Visit> visits = clinic.visits(dayZero);
        visits.forEach(v -> store.insertVisit(id, v));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("dayZero", dayZero.toString());
        after.put("track", track.name());
        after.put("trackBasis", trackBasis);
        after.put("timepoints", timepoints.stream().map(t -> t.name().code() + " " + t.dueDate()).toList());
        after.put("clinicBasis", clinicBasis);
        after.put("clinicVisits", visits.stream().map(v -> v.key() + " " + v.dueDate()).toList());
        audit.record(actor, "FOLLOW_UP_PLANNED", "TherapyCase", id.toString(), null, after, null);
    }

    /** The case's plan as the actor may see it; 404 when the case has none (not infused) or is not the actor's. */
    @Transactional(readOnly = true)
    public FollowUpPlan plan(Actor actor, CaseId id) {
        CaseView view = access.read(actor, id);
        return find(view).orElseThrow(() -> new NotFoundException("follow-up plan of case", id));
    }

    /** The plan of a case the caller has already checked the actor may see (the case page), if there is one. */
    @Transactional(readOnly = true)
    public Optional<FollowUpPlan> find(CaseView view) {
        CaseId id = view.therapyCase().id();
        return store.find(id).map(row -> new FollowUpPlan(id, view.therapyCase().reference(), row.dayZero(),
                row.track(), row.trackBasis(), row.clinicBasis(), row.version(), store.timepoints(id),
                store.visits(id)));
    }

    /**
     * Changes the case's registry track, with a reason: the time points still planned are replaced by the new
     * track's (their reminder tasks cancelled), completed ones are kept as they are. The same track again changes
     * nothing. 400 names {@code track} or {@code reason}; 404 for a case that is not the actor's centre's or has no
     * plan; 409 {@code stale-version} when {@code expectedVersion} is given and the plan has changed since.
     */
    @Transactional
    public FollowUpPlan changeTrack(Actor actor, CaseId id, String trackName, String reason, Integer expectedVersion) {
        CaseView view = access.keepRegistry(actor, id, "change the registry track");
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        RegistryTrack track = trackName == null ? null : ScheduleRequests.track(trackName.trim());
        if (trackName == null || trackName.isBlank()) {
            problems.add(new ProblemException.FieldProblem("track", "is required"));
        } else if (track == null) {
            problems.add(new ProblemException.FieldProblem("track", "must be one of " + ScheduleRequests.TRACKS));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new ProblemException.FieldProblem("reason", "give the reason the track changes"));
        } else if (reason.length() > org.cartpath.shared.TextLimits.LONG) {
            problems.add(new ProblemException.FieldProblem("reason", "is too long"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        PlanStore.PlanRow before = store.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("follow-up plan of case", id));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ProblemException.conflict("stale-version", "The follow-up plan of case " + view.therapyCase()
                    .reference() + " changed since you read it (now version " + before.version() + "); reload it");
        }
        if (before.track() == track) {
            return find(view).orElseThrow();
        }
        List<String> kept = store.timepoints(id).stream().filter(PlannedTimepoint::completed)
                .map(t -> t.name().code()).toList();
        List<UUID> tasks = store.deletePlannedTimepoints(id);
        List<RegistryTimepoint> added = RegistrySchedule.timepoints(before.dayZero(), track).stream()
                .filter(t -> !kept.contains(t.name().code())).toList();
        added.forEach(t -> store.insertTimepoint(id, track, t));
        String basis = "Changed by " + actor.displayName() + " (" + actor.organisationName() + "): " + reason.trim();
        Instant now = Instant.now(clock);
        store.updateTrack(id, track, basis, now);
        for (UUID task : tasks) {
            journey.closeTask(actor, id, task, CaseTask.Closure.CANCELLED);
        }
        Map<String, Object> auditBefore = new LinkedHashMap<>();
        auditBefore.put("track", before.track().name());
        auditBefore.put("version", before.version());
        Map<String, Object> auditAfter = new LinkedHashMap<>();
        auditAfter.put("track", track.name());
        auditAfter.put("version", before.version() + 1);
        auditAfter.put("completedKept", kept);
        auditAfter.put("timepoints", added.stream().map(t -> t.name().code() + " " + t.dueDate()).toList());
        audit.record(actor, "FOLLOW_UP_TRACK_CHANGED", "TherapyCase", id.toString(), auditBefore, auditAfter,
                reason.trim());
        journey.note(actor, id, "REGISTRY_TRACK_CHANGED", "Registry track changed from " + before.track().label()
                + " to " + track.label() + ": " + reason.trim());
        return find(view).orElseThrow();
    }

    /**
     * Records that the registry form of a time point was submitted: the time point is completed and its reminder
     * tasks close as done. Idempotent: a completed time point stays as it was. 404 for an unknown time point.
     */
    @Transactional
    public FollowUpPlan completeTimepoint(Actor actor, CaseId id, String name) {
        CaseView view = access.keepRegistry(actor, id, "complete a registry time point");
        FollowUpPlan plan = find(view).orElseThrow(() -> new NotFoundException("follow-up plan of case", id));
        RegistryTimepointName parsed = RegistryTimepointName.parse(name).orElse(null);
        if (parsed == null || plan.timepoints().stream().noneMatch(t -> t.name().equals(parsed))) {
            throw new NotFoundException("registry time point", name);
        }
        if (!store.completeTimepoint(id, parsed.code(), Instant.now(clock), actor.displayName())) {
            return plan;
        }
        for (UUID task : store.reminderTasks(id, parsed.code())) {
            journey.closeTask(actor, id, task, CaseTask.Closure.DONE);
        }
        audit.record(actor, "FOLLOW_UP_TIMEPOINT_COMPLETED", "TherapyCase", id.toString(), null,
                Map.of("timepoint", parsed.code()), null);
        return find(view).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
