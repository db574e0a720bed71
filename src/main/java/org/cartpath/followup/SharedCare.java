package org.cartpath.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.SharedCareSubmission.Status;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.followup.internal.SubmissionStore;
import org.cartpath.followup.schedule.RegistryTimepointName;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared care with the referring hospital (docs/clinical/follow-up.md, "Shared care with the referring hospital"):
 * the hospital that referred the case submits the clinic visits it holds, on its pages or through its record
 * system's API token; the submission is pending until the treating centre's data manager or consultant accepts it
 * (it is then recorded exactly as if the centre had recorded the visit, and completes the registry time point it
 * names) or returns it with a question (the hospital corrects it and submits a new version).
 *
 * <p>Against recording a hospital's visit on the wrong patient or accepting it unseen (hazard H-25): only the case's
 * own referring hospital submits, stating the patient's NHS number, which must be the case's patient's; the reviewer
 * accepts the version they saw (a newer one is 409 {@code stale-version}); a submission is decided once per version
 * (409 {@code submission-already-reviewed}, and the database's primary key). Any other organisation gets 404 for the
 * case and the submission; every step is audited in its own transaction.
 */
@Service
public class SharedCare {

    /** Who submits, at the case's referring hospital. */
    public static final Set<Role> SUBMITTERS = EnumSet.of(Role.REFERRER);
    /** Who accepts or returns a submission, at the treating centre. */
    public static final Set<Role> REVIEWERS = EnumSet.of(Role.DATA_MANAGER, Role.CONSULTANT);

    /**
     * A visit as the hospital submits it. {@code visitKey} and {@code timepoint} are fixed by the first version (a new
     * version corrects the rest); {@code nhsNumber} is the patient's, as the hospital has it.
     */
    public record Visit(String visitKey, String timepoint, Boolean attended, LocalDate on, String reason, String note,
            String nhsNumber) {
    }

    private final SubmissionStore store;
    private final PlanStore planStore;
    private final FollowUpPlans plans;
    private final ClinicVisits visits;
    private final FollowUpAccess access;
    private final CaseJourney journey;
    private final PatientManagement patients;
    private final AuditTrail audit;
    private final Clock clock;

    SharedCare(SubmissionStore store, PlanStore planStore, FollowUpPlans plans, ClinicVisits visits,
            FollowUpAccess access, CaseJourney journey, PatientManagement patients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.planStore = planStore;
        this.plans = plans;
        this.visits = visits;
        this.access = access;
        this.journey = journey;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    // --- the referring hospital -----------------------------------------------------------------------------------

    /** The plan the hospital submits against: 404 unless the actor's hospital referred the case, 403 for the role. */
    @Transactional(readOnly = true)
    public FollowUpPlan planForSubmission(Actor actor, CaseId id) {
        CaseView view = hospital(actor, id);
        return plans.find(view).orElseThrow(() -> notInfused(view));
    }

    /**
     * Submits a visit. 400 naming {@code visitKey}, {@code timepoint}, {@code attended}, {@code on}, {@code reason},
     * {@code note} or {@code nhsNumber}; 422 {@code patient-mismatch} when the NHS number is another patient's; 409
     * {@code not-infused}, {@code visit-already-recorded} or {@code submission-already-open}; 404 for a case the
     * actor's hospital did not refer; 403 for a role that does not submit.
     */
    @Transactional
    public SharedCareSubmission submit(Actor actor, CaseId id, Visit in) {
        CaseView view = hospital(actor, id);
        PlanStore.PlanRow row = planStore.findForUpdate(id).orElseThrow(() -> notInfused(view));
        FollowUpPlan plan = plans.find(view).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        PlannedVisit visit = null;
        if (in.visitKey() == null || in.visitKey().isBlank()) {
            problems.add(new FieldProblem("visitKey", "Choose the clinic visit"));
        } else {
            visit = plan.visits().stream().filter(v -> v.key().equals(in.visitKey().trim())).findFirst().orElse(null);
            if (visit == null) {
                problems.add(new FieldProblem("visitKey", "is not a clinic visit of this patient's plan"));
            }
        }
        String timepoint = timepointProblems(plan, in, problems);
        problems.addAll(checkVisit(in, row.dayZero()));
        throwIf(problems);
        checkPatient(actor, view, in.nhsNumber());
        if (visit.done()) {
            throw ProblemException.conflict("visit-already-recorded", "The " + visit.label() + " visit of case "
                    + view.therapyCase().reference() + " is already recorded");
        }
        if (store.openFor(id, visit.key())) {
            throw ProblemException.conflict("submission-already-open", "The " + visit.label() + " visit of case "
                    + view.therapyCase().reference() + " already has a submission waiting; correct that one");
        }
        UUID submissionId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        store.insert(submissionId, id, actor.organisationId(), visit.key(), timepoint, now);
        store.insertVersion(submissionId, 1, in.attended(), in.on(), blankToNull(in.reason()), blankToNull(in.note()),
                digits(in.nhsNumber()), actor.id(), actor.displayName(), now);
        audit.record(actor, "FOLLOW_UP_SUBMITTED", "FollowUpSubmission", submissionId.toString(), null,
                auditVersion(id, visit.key(), timepoint, 1, in), null);
        return read(submissionId, view);
    }

    /**
     * Submits a corrected version of a returned submission (the visit and time point stay as first submitted). 409
     * {@code submission-not-returned} unless the centre returned it; the rest as {@link #submit}.
     */
    @Transactional
    public SharedCareSubmission resubmit(Actor actor, UUID submissionId, Visit in) {
        SubmissionStore.Row row = store.findForUpdate(submissionId).orElseThrow(() -> notFound(submissionId));
        CaseView view = side(actor, row) == Side.HOSPITAL ? hospital(actor, row.caseId()) : null;
        if (view == null) {
            throw ProblemException.forbidden("Only the referring hospital corrects its submission");
        }
        PlanStore.PlanRow plan = planStore.findForUpdate(row.caseId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        FollowUpPlan current = plans.find(view).orElseThrow();
        timepointProblems(current, new Visit(row.visitKey(), row.timepoint(), in.attended(), in.on(), in.reason(),
                in.note(), in.nhsNumber()), problems);
        problems.addAll(checkVisit(in, plan.dayZero()));
        throwIf(problems);
        checkPatient(actor, view, in.nhsNumber());
        if (row.status() != Status.RETURNED) {
            throw ProblemException.conflict("submission-not-returned", "This submission is "
                    + row.status().label().toLowerCase(java.util.Locale.ROOT) + "; only a returned one is corrected");
        }
        int version = row.version() + 1;
        Instant now = Instant.now(clock);
        store.insertVersion(submissionId, version, in.attended(), in.on(), blankToNull(in.reason()),
                blankToNull(in.note()), digits(in.nhsNumber()), actor.id(), actor.displayName(), now);
        store.move(submissionId, Status.RETURNED, Status.PENDING, version, now);
        audit.record(actor, "FOLLOW_UP_SUBMISSION_CORRECTED", "FollowUpSubmission", submissionId.toString(),
                Map.of("status", Status.RETURNED.name(), "version", row.version()),
                auditVersion(row.caseId(), row.visitKey(), row.timepoint(), version, in), null);
        return read(submissionId, view);
    }

    // --- the treating centre --------------------------------------------------------------------------------------

    /**
     * Accepts the version the reviewer saw: the visit is recorded as if the centre had recorded it (its reminder
     * closes), the registry time point it names is completed. 400 without {@code version}; 409
     * {@code submission-already-reviewed}, {@code stale-version} (the hospital sent a newer version) or
     * {@code visit-already-recorded}; 403 for the referring hospital and for a role that does not review; 404 for
     * any other organisation.
     */
    @Transactional
    public SharedCareSubmission accept(Actor actor, UUID submissionId, Integer version) {
        SubmissionStore.Row row = store.findForUpdate(submissionId).orElseThrow(() -> notFound(submissionId));
        CaseView view = reviewer(actor, row);
        checkReviewable(row, version);
        PlannedVisit visit = planStore.visitForUpdate(row.caseId(), row.visitKey()).orElseThrow();
        if (visit.done()) {
            throw ProblemException.conflict("visit-already-recorded", "The " + visit.label() + " visit of case "
                    + view.therapyCase().reference() + " is already recorded; return the submission instead");
        }
        SharedCareSubmission.Version accepted = store.versions(submissionId).get(version - 1);
        visits.record(actor, row.caseId(), row.visitKey(), new ClinicVisits.Outcome(accepted.attended(),
                accepted.on(), accepted.reason()));
        if (row.timepoint() != null) {
            plans.completeTimepoint(actor, row.caseId(), row.timepoint());
        }
        Instant now = Instant.now(clock);
        store.insertReview(submissionId, version, Status.ACCEPTED, null, actor.id(), actor.displayName(), now);
        store.move(submissionId, Status.PENDING, Status.ACCEPTED, version, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", Status.ACCEPTED.name());
        after.put("version", version);
        after.put("visit", row.visitKey());
        if (row.timepoint() != null) {
            after.put("timepointCompleted", row.timepoint());
        }
        audit.record(actor, "FOLLOW_UP_SUBMISSION_ACCEPTED", "FollowUpSubmission", submissionId.toString(),
                Map.of("status", Status.PENDING.name(), "version", version), after, null);
        return read(submissionId, view);
    }

    /** Returns the version the reviewer saw with a question. 400 names {@code question} or {@code version}. */
    @Transactional
    public SharedCareSubmission returnWithQuestion(Actor actor, UUID submissionId, Integer version, String question) {
        SubmissionStore.Row row = store.findForUpdate(submissionId).orElseThrow(() -> notFound(submissionId));
        CaseView view = reviewer(actor, row);
        if (question == null || question.isBlank()) {
            throw ProblemException.invalid("question", "Ask the hospital what is to be corrected");
        }
        if (question.length() > TextLimits.LONG) {
            throw ProblemException.invalid("question", "must be at most " + TextLimits.LONG + " characters");
        }
        checkReviewable(row, version);
        Instant now = Instant.now(clock);
        store.insertReview(submissionId, version, Status.RETURNED, question.trim(), actor.id(), actor.displayName(),
                now);
        store.move(submissionId, Status.PENDING, Status.RETURNED, version, now);
        audit.record(actor, "FOLLOW_UP_SUBMISSION_RETURNED", "FollowUpSubmission", submissionId.toString(),
                Map.of("status", Status.PENDING.name(), "version", version),
                Map.of("status", Status.RETURNED.name(), "version", version, "question", question.trim()), null);
        return read(submissionId, view);
    }

    // --- reading --------------------------------------------------------------------------------------------------

    /** One submission: for its hospital's submitters and the treating centre's follow-up readers; 404 otherwise. */
    @Transactional(readOnly = true)
    public SharedCareSubmission get(Actor actor, UUID submissionId) {
        SubmissionStore.Row row = store.find(submissionId).orElseThrow(() -> notFound(submissionId));
        CaseView view = side(actor, row) == Side.HOSPITAL ? hospital(actor, row.caseId()) : access.read(actor,
                row.caseId());
        return read(submissionId, view);
    }

    /** The case's submissions, newest first: all of them for the centre, its own for a referring hospital. */
    @Transactional(readOnly = true)
    public List<SharedCareSubmission> ofCase(Actor actor, CaseId id) {
        return ofCase(actor, access.read(actor, id));
    }

    /** As {@link #ofCase(Actor, CaseId)} for a case the caller has checked the actor may see (the case page). */
    @Transactional(readOnly = true)
    public List<SharedCareSubmission> ofCase(Actor actor, CaseView view) {
        TherapyCase c = view.therapyCase();
        OrganisationId hospital = actor.organisationId() != null && actor.organisationId().equals(c.treatingCentre())
                ? null : actor.organisationId();
        return store.ofCase(c.id(), hospital).stream().map(r -> assemble(r, c.reference())).toList();
    }

    /** Whether the actor submits for this case (the case page's link). */
    public boolean maySubmit(Actor actor, CaseView view) {
        return actor.organisationId() != null
                && actor.organisationId().equals(view.therapyCase().referringOrganisation())
                && !actor.organisationId().equals(view.therapyCase().treatingCentre())
                && SUBMITTERS.stream().anyMatch(actor::hasRole);
    }

    /** Whether the actor accepts or returns this submission (the submission page's buttons). */
    public boolean mayReview(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, REVIEWERS);
    }

    // --- rules ----------------------------------------------------------------------------------------------------

    private enum Side { HOSPITAL, CENTRE }

    /** Which side the actor is on for this submission; 404 for any other organisation. */
    private Side side(Actor actor, SubmissionStore.Row row) {
        TherapyCase c = journey.get(Actor.system("shared care"), row.caseId()).therapyCase();
        if (actor.organisationId() != null && actor.organisationId().equals(c.treatingCentre())) {
            return Side.CENTRE;
        }
        if (actor.organisationId() != null && actor.organisationId().equals(row.hospital())
                && row.hospital().equals(c.referringOrganisation())) {
            return Side.HOSPITAL;
        }
        throw notFound(row.id());
    }

    private CaseView reviewer(Actor actor, SubmissionStore.Row row) {
        if (side(actor, row) == Side.HOSPITAL) {
            throw ProblemException.forbidden("The treating centre accepts or returns a submission, not the hospital"
                    + " that sent it");
        }
        return journey.get(actor, row.caseId()).requireCentreStaff(actor, REVIEWERS,
                "accept or return a referring hospital's submission");
    }

    /** The case if the actor's hospital referred it (and is not its treating centre), in a submitting role. */
    private CaseView hospital(Actor actor, CaseId id) {
        CaseView view = journey.get(actor, id);
        TherapyCase c = view.therapyCase();
        if (actor.organisationId() != null && actor.organisationId().equals(c.treatingCentre())) {
            throw ProblemException.forbidden("The treating centre records its visits itself (Record on the case page);"
                    + " submissions come from the referring hospital");
        }
        if (!view.identityVisible() || actor.organisationId() == null
                || !actor.organisationId().equals(c.referringOrganisation())) {
            throw new NotFoundException("case", id);
        }
        if (SUBMITTERS.stream().noneMatch(actor::hasRole)) {
            throw CaseView.onlyRoles(SUBMITTERS, "send follow-up to the treating centre");
        }
        return view;
    }

    private static void checkReviewable(SubmissionStore.Row row, Integer version) {
        if (version == null) {
            throw ProblemException.invalid("version", "is required: the version you reviewed");
        }
        if (row.status() != Status.PENDING) {
            throw ProblemException.conflict("submission-already-reviewed", "This submission is already "
                    + (row.status() == Status.ACCEPTED ? "accepted" : "returned to the hospital with a question")
                    + "; nothing was changed");
        }
        if (version != row.version()) {
            throw ProblemException.conflict("stale-version", "The hospital sent version " + row.version()
                    + " since you read version " + version + "; review the latest version");
        }
    }

    /** The time point's problems (if the visit names one); answers its code. */
    private static String timepointProblems(FollowUpPlan plan, Visit in, List<FieldProblem> problems) {
        if (in.timepoint() == null || in.timepoint().isBlank()) {
            return null;
        }
        Optional<RegistryTimepointName> name = RegistryTimepointName.parse(in.timepoint().trim());
        PlannedTimepoint timepoint = name.flatMap(n -> plan.timepoints().stream().filter(t -> t.name().equals(n))
                .findFirst()).orElse(null);
        if (timepoint == null) {
            problems.add(new FieldProblem("timepoint", "is not a registry time point of this patient's plan"));
            return null;
        }
        if (timepoint.completed()) {
            problems.add(new FieldProblem("timepoint", "The " + timepoint.label() + " registry form is already complete"));
        } else if (Boolean.FALSE.equals(in.attended())) {
            problems.add(new FieldProblem("timepoint", "Only an attended visit provides a registry time point's data"));
        } else if (in.on() != null && timepoint.windowStart() != null
                && (in.on().isBefore(timepoint.windowStart()) || in.on().isAfter(timepoint.windowEnd()))) {
            // docs/clinical/follow-up-schedule.md: the registry's window of the time point
            problems.add(new FieldProblem("on", "must be within the " + timepoint.label() + " window, "
                    + timepoint.windowStart() + " to " + timepoint.windowEnd()));
        }
        return timepoint.name().code();
    }

    private List<FieldProblem> checkVisit(Visit in, LocalDate dayZero) {
        List<FieldProblem> problems = new ArrayList<>(ClinicVisits.problems(new ClinicVisits.Outcome(in.attended(),
                in.on(), in.reason()), dayZero, plans.today()));
        if (in.note() != null && in.note().length() > TextLimits.LONG) {
            problems.add(new FieldProblem("note", "must be at most " + TextLimits.LONG + " characters"));
        }
        return problems;
    }

    /** The NHS number the hospital states must be the case's patient's (when the record holds one). */
    private void checkPatient(Actor actor, CaseView view, String stated) {
        NhsNumber recorded = patients.get(actor, new PatientId(view.therapyCase().patientId()),
                "check the patient of a follow-up submission").demographics().nhsNumber();
        if (recorded == null) {
            return;
        }
        Optional<String> problem = NhsNumber.problemIn(stated);
        if (problem.isPresent()) {
            throw ProblemException.invalid("nhsNumber", problem.get());
        }
        if (!recorded.value().equals(digits(stated))) {
            throw new ProblemException("patient-mismatch", 422, "The NHS number is not this case's patient's",
                    "The NHS number given is not the NHS number of the patient of case "
                            + view.therapyCase().reference() + "; check you are submitting for the right patient",
                    List.of(new FieldProblem("nhsNumber", "is not the NHS number of this case's patient")), Map.of());
        }
    }

    private static void throwIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private SharedCareSubmission read(UUID submissionId, CaseView view) {
        return assemble(store.find(submissionId).orElseThrow(), view.therapyCase().reference());
    }

    private SharedCareSubmission assemble(SubmissionStore.Row row, String reference) {
        String timepointLabel = row.timepoint() == null ? null
                : RegistryTimepointName.parse(row.timepoint()).map(RegistryTimepointName::label).orElse(row.timepoint());
        return new SharedCareSubmission(row.id(), row.caseId(), reference, row.hospital(), row.visitKey(),
                row.visitLabel(), row.timepoint(), timepointLabel, row.status(), row.version(),
                store.versions(row.id()), store.reviews(row.id()));
    }

    private static Map<String, Object> auditVersion(CaseId id, String visitKey, String timepoint, int version,
            Visit in) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseId", id.toString());
        after.put("status", Status.PENDING.name());
        after.put("version", version);
        after.put("visit", visitKey);
        if (timepoint != null) {
            after.put("timepoint", timepoint);
        }
        after.put("attended", in.attended());
        after.put("on", in.on().toString());
        if (in.reason() != null && !in.reason().isBlank()) {
            after.put("reason", in.reason().trim());
        }
        return after;
    }

    private static ProblemException notInfused(CaseView view) {
        return ProblemException.conflict("not-infused", "Case " + view.therapyCase().reference()
                + " has no infusion recorded: follow-up starts at day 0");
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("follow-up submission", id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String digits(String nhsNumber) {
        return nhsNumber == null ? null : nhsNumber.replaceAll("[^0-9]", "");
    }
}
