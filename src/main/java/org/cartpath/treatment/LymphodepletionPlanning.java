package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Clock;
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
import java.util.stream.Collectors;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.custody.ChainOfCustody;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.treatment.internal.CaseLabel;
import org.cartpath.treatment.internal.LymphodepletionStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.internal.TreatmentSettings;
import org.cartpath.treatment.dosing.RenalFunction;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlan;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlanner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lymphodepletion plans (docs/clinical/dosing.md): the treating centre's pharmacist calculates the plan from the regimen of the
 * case's label version, the patient's latest measurements and the pharmacy's protocol, and verifies it with an
 * e-signature. A plan is stored as calculated, with everything it was calculated from; a new plan is a new version.
 *
 * <p>Plans may be made once the product is released, so that the pharmacy can prepare; doses are recorded once it is
 * received ({@link Lymphodepletion}). Doses calculated from a weight or height older than the centre's limit are
 * refused, and the refusal is recorded.
 */
@Service
public class LymphodepletionPlanning {

    static final Set<Stage> PLANNING_STAGES = EnumSet.of(Stage.RELEASED, Stage.RECEIVED, Stage.LYMPHODEPLETION);

    /** How far back a first day may be planned (lymphodepletion given before it was entered) and how far ahead. */
    static final int DAYS_BACK = 14;
    static final int DAYS_AHEAD = 90;

    private final LymphodepletionStore store;
    private final TreatmentAccess access;
    private final CaseLabel labels;
    private final PatientManagement patients;
    private final SlotBookings bookings;
    private final PharmacySettings pharmacy;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final TreatmentSettings settings;
    private final ChainOfCustody custody;
    private final Clock clock;
    private final ZoneId zone;

    LymphodepletionPlanning(LymphodepletionStore store, TreatmentAccess access, CaseLabel labels,
            PatientManagement patients, SlotBookings bookings, PharmacySettings pharmacy, ElectronicSignatures signatures,
            CaseJourney journey, AuditTrail audit, TreatmentSettings settings, ChainOfCustody custody, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.access = access;
        this.labels = labels;
        this.patients = patients;
        this.bookings = bookings;
        this.pharmacy = pharmacy;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.custody = custody;
        this.zone = ZoneId.of(zone);
    }

    /**
     * What the pharmacist asks for.
     *
     * @param regimenId         required when the label allows several regimens (Kymriah DLBCL: flu/cy or bendamustine)
     * @param anchorOn          the first chemotherapy day, or for a regimen dated from the infusion the planned day 0;
     *                          by default the booking plan's lymphodepletion or infusion day
     * @param plannedInfusionOn for a regimen dated from its first day; by default the booking plan's infusion day, else
     *                          the first day the window allows
     * @param reason            required for a new plan once doses of the current one were recorded
     * @param renalOverrideReason the pharmacist's reason for dosing a child by a renal estimate outside its validated
     *                          use (422 {@code renal-estimate-needs-override} without it; docs/clinical/renal-function.md)
     * @param password          the pharmacist's password, signing that reason
     * @param measuredGfrMlPerMinPer173m2 a child's measured GFR, used instead of any estimate (with {@code measuredGfrOn})
     */
    public record PlanRequest(String regimenId, LocalDate anchorOn, LocalDate plannedInfusionOn, String reason,
            String renalOverrideReason, String password, BigDecimal measuredGfrMlPerMinPer173m2,
            LocalDate measuredGfrOn) {

        public PlanRequest(String regimenId, LocalDate anchorOn, LocalDate plannedInfusionOn, String reason) {
            this(regimenId, anchorOn, plannedInfusionOn, reason, null, null, null, null);
        }
    }

    /** The regimens the case's label allows, and the dates the booking planned, for the pharmacist's form. */
    public record Options(String labelVersionId, List<LymphodepletionRegimen> regimens, String note,
            LocalDate bookedLymphodepletionOn, LocalDate bookedInfusionOn) {
    }

    @Transactional(readOnly = true)
    public Options options(Actor actor, CaseId caseId) {
        CaseView view = access.read(actor, caseId);
        Optional<CaseLabel.Labelled> label = labels.find(view.therapyCase());
        Optional<BookingPlan> booked = bookingPlan(actor, caseId);
        return new Options(label.map(l -> l.version().id()).orElse(null),
                label.map(l -> l.labelled().lymphodepletion()).orElse(List.of()),
                label.map(l -> l.labelled().lymphodepletionNote()).orElse("The catalogue holds no label for this case"),
                booked.flatMap(p -> p.step(PlanStep.LYMPHODEPLETION)).map(PlannedStep::plannedOn).orElse(null),
                booked.flatMap(p -> p.step(PlanStep.INFUSION)).map(PlannedStep::plannedOn).orElse(null));
    }

    @Transactional
    public LymphodepletionPlanRecord plan(Actor actor, CaseId caseId, PlanRequest request) {
        CaseView view = access.act(actor, caseId, Role.PHARMACIST);
        access.lock(caseId);
        TreatmentAccess.requireStage(view, PLANNING_STAGES, "lymphodepletion is planned once the product is released");
        TherapyCase therapyCase = view.therapyCase();
        CaseLabel.Labelled label = labels.require(therapyCase);
        LymphodepletionRegimen regimen = regimen(label, request.regimenId());
        LocalDate today = journey.today();
        Optional<BookingPlan> booked = bookingPlan(actor, caseId);
        LocalDate anchor = anchor(regimen, request.anchorOn(), booked, today);
        ClinicalSnapshot snapshot = patients.snapshot(actor, new PatientId(therapyCase.patientId()), today,
                "Planning lymphodepletion");
        boolean fludarabine = regimen.agents().stream().anyMatch(a -> a.drug() == Drug.FLUDARABINE);
        String overrideReason = renalOverrideReason(request);
        PlanCalculation calculation = PlanCalculation.of(snapshot, fludarabine, today, settings,
                pharmacy.currentDosingRules(therapyCase.treatingCentre()),
                pharmacy.currentRenalTable(therapyCase.treatingCentre()), labels.catalogue().renalFunction(),
                request.measuredGfrMlPerMinPer173m2() == null && request.measuredGfrOn() == null ? null
                        : new PlanCalculation.MeasuredGfr(request.measuredGfrMlPerMinPer173m2(), request.measuredGfrOn()));
        calculation.refusal().ifPresent(refusal -> refuse(actor, caseId, refusal));
        requireOverrideWhereNeeded(actor, caseId, calculation, overrideReason, request.password());
        RenalFunction renal = calculation.renal();
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(regimen, anchor, calculation.bsa(), calculation.clearance(),
                renal == null ? "CrCl" : renal.method().measure(), renal == null ? "mL/min" : renal.bandUnit(),
                calculation.renalTable().table(), calculation.rules().rounding());
        requireAfterCollection(actor, caseId, plan);
        LocalDate plannedInfusion = plannedInfusion(regimen, anchor, request.plannedInfusionOn(), booked, plan);
        Optional<LymphodepletionPlanRecord> previous = store.current(caseId);
        String reason = text(request.reason());
        if (previous.isPresent() && !store.administrations(previous.get().id()).isEmpty() && reason == null) {
            throw ProblemException.invalid("reason", "doses of the current plan were recorded: say why it is replanned");
        }
        List<String> warnings = new ArrayList<>(calculation.warnings());
        LymphodepletionCourse course = new LymphodepletionCourse(plan, regimen.dayReference(), plannedInfusion, List.of());
        if (course.flags(today).contains(LymphodepletionCourse.Flag.PLANNED_INFUSION_OUTSIDE_WINDOW)) {
            warnings.add("The planned infusion on " + plannedInfusion + " is outside the window " + plan.earliestInfusion()
                    + " to " + plan.latestInfusion() + " (" + plan.windowSource() + ")");
        }
        UUID planId = UUID.randomUUID();
        PlanInputs inputs = calculation.inputs();
        if (calculation.overrideNeeded().isPresent()) {
            warnings.add(calculation.overrideNeeded().get() + ". Overridden by the pharmacist with a signed reason: "
                    + overrideReason);
            ElectronicSignature signature = signatures.sign(actor, request.password(), Role.PHARMACIST,
                    SignatureMeaning.OVERRIDDEN, renalOverrideRecord(planId, caseId, inputs, overrideReason),
                    overrideReason);
            inputs = inputs.withRenalOverride(overrideReason, signature.id());
        }
        LymphodepletionPlanRecord record = new LymphodepletionPlanRecord(planId, caseId,
                previous.map(p -> p.version() + 1).orElse(1), label.version().id(), regimen.id(), regimen.dayReference(),
                anchor, plannedInfusion, plan, inputs, warnings, reason, actor.displayName(),
                Instant.now(clock), null);
        store.insertPlan(record, actor);
        // a new plan is the answer to a closed infusion window
        journey.closeOpenTasks(actor, caseId, StageTasks.REPEAT_LYMPHODEPLETION);
        // the doses of the plan it supersedes are no longer to be given: its verification will ask for its own
        journey.closeOpenTasks(actor, caseId, StageTasks.LYMPHODEPLETION_DOSES, CaseTask.Closure.REPLACED);
        journey.note(actor, caseId, "LYMPHODEPLETION_PLANNED", "Lymphodepletion planned (version " + record.version()
                + "): " + regimen.name() + ", " + plan.firstDay() + " to " + plan.lastDay() + "; infusion window "
                + plan.earliestInfusion() + " to " + plan.latestInfusion() + "; awaiting the pharmacist's verification"
                + (inputs.renalOverrideReason() == null ? "" : "; fludarabine dosed by a renal estimate outside its"
                        + " validated use, overridden by the pharmacist with a signed reason"));
        audit.record(actor, "LYMPHODEPLETION_PLANNED", "LymphodepletionPlan", record.id().toString(),
                previous.map(p -> Map.<String, Object>of("version", p.version(), "planId", p.id().toString())).orElse(null),
                auditView(record), reason);
        return record;
    }

    /** The pharmacist verifies the current plan with an e-signature (meaning VERIFIED). */
    @Transactional
    public LymphodepletionPlanRecord verify(Actor actor, CaseId caseId, UUID planId, String password) {
        CaseView view = access.act(actor, caseId, Role.PHARMACIST);
        access.lock(caseId);
        LymphodepletionPlanRecord plan = store.plan(caseId, planId)
                .orElseThrow(() -> new org.cartpath.shared.NotFoundException("lymphodepletion plan", planId));
        TreatmentAccess.requireStage(view, PLANNING_STAGES, "lymphodepletion plans are verified before the infusion");
        if (!store.current(caseId).map(LymphodepletionPlanRecord::id).orElseThrow().equals(planId)) {
            throw ProblemException.conflict("plan-superseded", "Version " + plan.version() + " is not the current plan; "
                    + "verify the current one");
        }
        if (plan.verified()) {
            throw ProblemException.conflict("plan-already-verified", "Version " + plan.version() + " was verified by "
                    + plan.verification().verifiedByName());
        }
        LocalDate today = journey.today();
        PlanCalculation.staleness(plan.inputs(), today, settings).ifPresent(refusal -> refuse(actor, caseId,
                new PlanCalculation.Refusal(refusal.type(), refusal.detail() + "; make a new plan with a new measurement")));
        ElectronicSignature signature = signatures.sign(actor, password, Role.PHARMACIST, SignatureMeaning.VERIFIED,
                signedRecord(plan), null);
        Instant now = Instant.now(clock);
        store.insertVerification(planId, caseId, signature.id(), actor, now);
        // the pharmacy's planning is done once a plan is verified (the stage's default task)
        StageTasks.forStage(Stage.RECEIVED).ifPresent(d -> journey.closeOpenTasks(actor, caseId, d.title()));
        // the doses are now due on the plan's days: the ward gives them (ADR 0021; Lymphodepletion closes the task
        // when the last planned dose is recorded)
        journey.closeOpenTasks(actor, caseId, StageTasks.LYMPHODEPLETION_DOSES, CaseTask.Closure.REPLACED);
        journey.openTask(actor, caseId, StageTasks.LYMPHODEPLETION_DOSES, Role.WARD_NURSE, plan.plan().firstDay());
        journey.note(actor, caseId, "LYMPHODEPLETION_PLAN_VERIFIED", "Lymphodepletion plan version " + plan.version()
                + " verified by the pharmacist");
        audit.record(actor, "LYMPHODEPLETION_PLAN_VERIFIED", "LymphodepletionPlan", planId.toString(), null,
                Map.of("signatureId", signature.id().toString(), "version", plan.version()), null);
        return store.plan(caseId, planId).orElseThrow();
    }

    /** What the pharmacist's signature vouches for: the plan as calculated and what it was calculated from. */
    static SignedRecord signedRecord(LymphodepletionPlanRecord plan) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", plan.caseId().toString());
        content.put("version", plan.version());
        content.put("plan", plan.plan());
        content.put("inputs", plan.inputs());
        content.put("plannedInfusionOn", plan.plannedInfusionOn().toString());
        return new SignedRecord("LymphodepletionPlan", plan.id().toString(), content);
    }

    @Transactional(readOnly = true)
    public List<LymphodepletionPlanRecord> plans(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.plans(caseId);
    }

    @Transactional(readOnly = true)
    public LymphodepletionPlanRecord plan(Actor actor, CaseId caseId, UUID planId) {
        access.read(actor, caseId);
        return store.plan(caseId, planId).orElseThrow(() -> new org.cartpath.shared.NotFoundException("lymphodepletion plan",
                planId));
    }

    // --- rules ---------------------------------------------------------------------------------------

    /**
     * A child dosed by a renal estimate outside its validated use (docs/clinical/renal-function.md: only an adult
     * formula in the catalogue, or younger than the paediatric estimate was derived in) needs the pharmacist's reason,
     * signed with their password; without it the plan is refused (422 {@code renal-estimate-needs-override}, recorded).
     * A reason given where none is needed is refused (400): a signature must mean something.
     */
    private void requireOverrideWhereNeeded(Actor actor, CaseId caseId, PlanCalculation calculation, String reason,
            String password) {
        Optional<String> needed = calculation.overrideNeeded();
        if (needed.isEmpty()) {
            if (reason != null) {
                throw ProblemException.invalid("renalOverrideReason", "is only for a child whose renal estimate needs a"
                        + " signed override; this plan needs none");
            }
            return;
        }
        if (reason == null) {
            String detail = needed.get() + ". Give the reason and sign it with your password, or record what the"
                    + " estimate needs";
            audit.recordIndependently(actor, "LYMPHODEPLETION_PLAN_REFUSED", "TherapyCase", caseId.toString(),
                    Map.of("problem", RENAL_OVERRIDE_NEEDED, "detail", detail), detail);
            throw new ProblemException(RENAL_OVERRIDE_NEEDED, 422, "The request breaks a rule", detail,
                    List.of(new ProblemException.FieldProblem("renalOverrideReason", "is needed: " + needed.get())),
                    Map.of("overridable", true, "renalMethod", calculation.renal().method().name()));
        }
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "is needed to sign the reason for the renal estimate");
        }
    }

    static final String RENAL_OVERRIDE_NEEDED = "renal-estimate-needs-override";

    private static String renalOverrideReason(PlanRequest request) {
        String value = request.renalOverrideReason();
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 500) {
            throw ProblemException.invalid("renalOverrideReason", "must be 500 characters or fewer");
        }
        return value.trim();
    }

    /** What the pharmacist's override signs: the estimate used for a child, and why. */
    private static SignedRecord renalOverrideRecord(UUID planId, CaseId caseId, PlanInputs inputs, String reason) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", caseId.toString());
        content.put("ageYears", inputs.ageYears());
        content.put("renalMethod", inputs.renalMethod());
        content.put("renalEstimate", inputs.renalEstimate().toPlainString());
        content.put("renalEstimateUnit", inputs.renalEstimateUnit());
        content.put("renalParametersId", inputs.renalParametersId());
        content.put("reason", reason);
        return new SignedRecord("LymphodepletionPlan", planId.toString(), content);
    }

    private void refuse(Actor actor, CaseId caseId, PlanCalculation.Refusal refusal) {
        audit.recordIndependently(actor, "LYMPHODEPLETION_PLAN_REFUSED", "TherapyCase", caseId.toString(),
                Map.of("problem", refusal.type(), "detail", refusal.detail()), refusal.detail());
        throw ProblemException.unprocessable(refusal.type(), refusal.detail());
    }

    /**
     * Lymphodepletion conditions the patient for the cells made from their collection; it cannot start before the
     * cells were collected (docs/clinical/dates.md; the SmPCs of the catalogue's products give lymphodepletion after
     * leukapheresis, before infusion). Refused, naming the first day and the collection (422
     * {@code lymphodepletion-before-collection}); nothing is recorded.
     */
    private void requireAfterCollection(Actor actor, CaseId caseId, LymphodepletionPlan plan) {
        custody.lastCollectedAt(actor, caseId).map(at -> LocalDate.ofInstant(at, zone))
                .flatMap(collectedOn -> EventDates.dayBefore("lymphodepletion-before-collection", "anchorOn",
                        plan.firstDay(), collectedOn, "gives a first day of lymphodepletion, " + plan.firstDay()
                                + ", before the cells were collected on " + collectedOn,
                        "Lymphodepletion would start on " + plan.firstDay() + ", before the cells were collected on "
                                + collectedOn + "; plan it after the collection"))
                .ifPresent(refusal -> {
                    throw refusal;
                });
    }

    private static LymphodepletionRegimen regimen(CaseLabel.Labelled label, String regimenId) {
        List<LymphodepletionRegimen> regimens = label.labelled().lymphodepletion();
        if (regimens.isEmpty()) {
            throw ProblemException.unprocessable("no-lymphodepletion-regimen", "Label version " + label.version().id()
                    + " gives no lymphodepletion regimen: " + label.labelled().lymphodepletionNote());
        }
        String choices = regimens.stream().map(r -> r.id() + " (" + r.name() + ")").collect(Collectors.joining(", "));
        if (regimenId == null || regimenId.isBlank()) {
            if (regimens.size() > 1) {
                throw ProblemException.invalid("regimenId", "the label allows several regimens: choose one of " + choices);
            }
            return regimens.get(0);
        }
        return regimens.stream().filter(r -> r.id().equals(regimenId.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("regimenId", "must be one of " + choices));
    }

    private static LocalDate anchor(LymphodepletionRegimen regimen, LocalDate requested, Optional<BookingPlan> booked,
            LocalDate today) {
        PlanStep step = regimen.dayReference() == DayReference.INFUSION ? PlanStep.INFUSION : PlanStep.LYMPHODEPLETION;
        String field = "anchorOn";
        LocalDate anchor = requested != null ? requested
                : booked.flatMap(p -> p.step(step)).map(PlannedStep::plannedOn).orElseThrow(() -> ProblemException.invalid(
                        field, "no booking plans the " + (step == PlanStep.INFUSION ? "infusion (day 0)" : "first day of"
                                + " lymphodepletion") + ": give the date"));
        if (anchor.isBefore(today.minusDays(DAYS_BACK)) || anchor.isAfter(today.plusDays(DAYS_AHEAD))) {
            throw ProblemException.invalid(field, "must be from " + DAYS_BACK + " days ago to " + DAYS_AHEAD + " days ahead");
        }
        return anchor;
    }

    private static LocalDate plannedInfusion(LymphodepletionRegimen regimen, LocalDate anchor, LocalDate requested,
            Optional<BookingPlan> booked, LymphodepletionPlan plan) {
        if (regimen.dayReference() == DayReference.INFUSION) {
            if (requested != null && !requested.equals(anchor)) {
                throw ProblemException.invalid("plannedInfusionOn", "this regimen is dated from the infusion: day 0 is "
                        + "the anchor date " + anchor);
            }
            return anchor;
        }
        if (requested != null) {
            if (!requested.isAfter(plan.lastDay())) {
                throw ProblemException.invalid("plannedInfusionOn", "must be after the last day of lymphodepletion, "
                        + plan.lastDay());
            }
            return requested;
        }
        return booked.flatMap(p -> p.step(PlanStep.INFUSION)).map(PlannedStep::plannedOn)
                .filter(day -> day.isAfter(plan.lastDay())).orElse(plan.earliestInfusion());
    }

    private Optional<BookingPlan> bookingPlan(Actor actor, CaseId caseId) {
        return bookings.activeBooking(actor, caseId).map(b -> bookings.plan(actor, b.id()));
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 500) {
            throw ProblemException.invalid("reason", "must be 500 characters or fewer");
        }
        return value.trim();
    }

    private static Map<String, Object> auditView(LymphodepletionPlanRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", r.version());
        view.put("regimenId", r.regimenId());
        view.put("labelVersionId", r.labelVersionId());
        view.put("firstDay", r.plan().firstDay().toString());
        view.put("lastDay", r.plan().lastDay().toString());
        view.put("plannedInfusionOn", r.plannedInfusionOn().toString());
        view.put("bsaM2", r.plan().bsaM2().toPlainString());
        view.put("creatinineClearanceMlPerMin", r.plan().creatinineClearanceMlPerMin() == null ? null
                : r.plan().creatinineClearanceMlPerMin().toPlainString());
        view.put("renalBandApplied", r.plan().renalBandApplied());
        view.put("renalMethod", r.inputs().renalMethod());
        view.put("renalOverrideReason", r.inputs().renalOverrideReason());
        view.put("doses", r.plan().doses().stream().map(d -> d.date() + " " + d.drug() + " "
                + (d.withheld() ? "withheld" : d.mg().toPlainString() + " mg")).toList());
        return view;
    }
}
