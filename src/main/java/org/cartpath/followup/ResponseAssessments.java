package org.cartpath.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.internal.OutcomeEventStore;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.followup.internal.ResponseStore;
import org.cartpath.followup.outcomes.ImwgResponse;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disease response assessments after infusion (docs/clinical/response-assessment.md): recorded by a consultant of
 * the treating centre, dated from day 0 (the infusion, as the follow-up plan holds it) to today, with the category
 * cartpath derived from the framework's inputs by the outcomes rules ({@code followup.outcomes}). The consultant may
 * record another category of the framework only with a reason and their electronic signature (meaning
 * {@code OVERRIDDEN}, 21 CFR 11.50). Entries are append-only: a correction is a new version with a reason. Every write
 * is audited in its transaction; the best response so far is the highest category in the framework's order.
 */
@Service
public class ResponseAssessments {

    /** What the consultant enters; {@code derivedCategory} is what the outcomes rules answered for {@code inputs}. */
    public record Entry(LocalDate assessedOn, ResponseFramework framework, Map<String, Object> inputs,
            String derivedCategory, String category, String categoryReason, String password, String sourceDocument) {
    }

    private final ResponseStore store;
    private final OutcomeEventStore events;
    private final PlanStore plans;
    private final FollowUpAccess access;
    private final FollowUpPlans followUp;
    private final ElectronicSignatures signatures;
    private final AuditTrail audit;
    private final Clock clock;

    ResponseAssessments(ResponseStore store, OutcomeEventStore events, PlanStore plans, FollowUpAccess access,
            FollowUpPlans followUp, ElectronicSignatures signatures, AuditTrail audit, Clock clock) {
        this.store = store;
        this.events = events;
        this.plans = plans;
        this.access = access;
        this.followUp = followUp;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Day 0 of a case the actor may record a response for: 404 for another organisation's case, 403 for a role
     * other than consultant, 409 {@code case-not-infused} when the case has no follow-up plan (no infusion yet).
     * Callers check this before reading the inputs, so that a refusal of who comes before one of what.
     */
    @Transactional(readOnly = true)
    public LocalDate dayZeroForRecording(Actor actor, CaseId id) {
        access.recordResponse(actor, id);
        return dayZero(id, false);
    }

    /** Records a new assessment (version 1). See {@link #dayZeroForRecording} and {@link #check} for refusals. */
    @Transactional
    public ResponseAssessment record(Actor actor, CaseId id, Entry entry) {
        CaseView view = access.recordResponse(actor, id);
        LocalDate dayZero = dayZero(id, true);
        check(entry, dayZero, null);
        entry = withTrackedNadir(entry, store.versions(id), null);
        ResponseAssessment saved = save(actor, id, entry, UUID.randomUUID(), 1, null);
        audit.record(actor, "FOLLOW_UP_RESPONSE_RECORDED", "ResponseAssessment", saved.responseId().toString(), null,
                auditView(id, saved), saved.categoryReason());
        return saved;
    }

    /**
     * Corrects an assessment: a new version with the correction's reason; every earlier version is kept. 404 for an
     * assessment that is not the case's; 400 {@code reason} without one; 422 {@code framework} for another framework
     * (record a new assessment instead); 409 {@code stale-version} when {@code expectedVersion} is given and is not
     * the latest.
     */
    @Transactional
    public ResponseAssessment correct(Actor actor, CaseId id, UUID responseId, Entry entry, String reason,
            Integer expectedVersion) {
        access.recordResponse(actor, id);
        LocalDate dayZero = dayZero(id, true);
        ResponseAssessment before = store.latestVersion(id, responseId)
                .orElseThrow(() -> new NotFoundException("response assessment", responseId));
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "give the reason for the correction");
        }
        if (reason.length() > TextLimits.LONG) {
            throw ProblemException.invalid("reason", "must be at most " + TextLimits.LONG + " characters");
        }
        check(entry, dayZero, before);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ProblemException.conflict("stale-version", "The response assessment changed since you read it (now"
                    + " version " + before.version() + "); reload it");
        }
        entry = withTrackedNadir(entry, store.versions(id), responseId);
        ResponseAssessment saved = save(actor, id, entry, responseId, before.version() + 1, reason.trim());
        audit.record(actor, "FOLLOW_UP_RESPONSE_CORRECTED", "ResponseAssessment", responseId.toString(),
                auditView(id, before), auditView(id, saved), reason.trim());
        return saved;
    }

    /** The case's assessments as the actor may see them (FollowUpAccess readers); 404/403 otherwise. */
    @Transactional(readOnly = true)
    public ResponseHistory history(Actor actor, CaseId id) {
        access.read(actor, id);
        return history(id);
    }

    /** The assessments of a case the caller has already checked the actor may see (the case page). */
    @Transactional(readOnly = true)
    public ResponseHistory history(CaseView view) {
        return history(view.therapyCase().id());
    }

    /** The latest version of each assessment, by date assessed, and the best per framework. */
    static ResponseHistory summarise(List<ResponseAssessment> versions) {
        Map<UUID, ResponseAssessment> latest = new LinkedHashMap<>();
        for (ResponseAssessment v : versions) {
            latest.merge(v.responseId(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        Comparator<ResponseAssessment> byDate = Comparator.comparing(ResponseAssessment::assessedOn)
                .thenComparing(ResponseAssessment::recordedAt);
        List<ResponseAssessment> current = latest.values().stream().sorted(byDate).toList();
        ResponseAssessment newest = current.isEmpty() ? null : current.get(current.size() - 1);
        List<ResponseHistory.BestResponse> best = new ArrayList<>();
        for (ResponseFramework framework : ResponseFramework.values()) {
            current.stream().filter(a -> a.framework() == framework)
                    // the best rank; among equals the earliest date, the date the response was first reached
                    .min(Comparator.comparingInt((ResponseAssessment a) -> framework.rank(a.category()))
                            .thenComparing(byDate))
                    .ifPresent(a -> best.add(new ResponseHistory.BestResponse(framework, a.category(),
                            a.categoryLabel(), a.assessedOn(), a.responseId())));
        }
        List<ResponseAssessment> imwg = current.stream().filter(a -> a.framework() == ResponseFramework.IMWG_2016)
                .toList();
        return new ResponseHistory(current, versions, newest, best,
                imwg.isEmpty() ? null : DurationOfResponse.imwgCourse(imwg), List.of());
    }

    /**
     * The M-protein nadir tracked across a myeloma's assessments (IMWG 2016, Kumar et al. Lancet Oncol
     * 2016;17:e328: progression is measured from the lowest confirmed value): the lowest of the baseline and of the
     * values of the case's earlier IMWG assessments (their current versions, this assessment's own versions left out).
     * A nadir entered above it is refused (422 {@code inconsistent-calculator-input}, naming the field), since it would
     * hide a progression; a nadir left out is filled in with it and the category derived again from the inputs.
     */
    static Entry withTrackedNadir(Entry entry, List<ResponseAssessment> versions, UUID self) {
        if (entry.framework() != ResponseFramework.IMWG_2016 || entry.assessedOn() == null) {
            return entry;
        }
        List<ResponseAssessment> earlier = summarise(versions).current().stream()
                .filter(a -> a.framework() == ResponseFramework.IMWG_2016 && !a.responseId().equals(self)
                        && a.assessedOn().isBefore(entry.assessedOn()))
                .toList();
        Map<String, Object> inputs = new LinkedHashMap<>(entry.inputs());
        boolean filled = false;
        for (String[] m : new String[][] {{"Serum", "GPerDl", "g/dL"}, {"Urine", "MgPer24h", "mg/24 h"}}) {
            String nadirField = "nadir" + m[0] + "MProtein" + m[1];
            String currentField = "current" + m[0] + "MProtein" + m[1];
            BigDecimal tracked = decimal(inputs.get("baseline" + m[0] + "MProtein" + m[1]));
            LocalDate trackedOn = null;
            for (ResponseAssessment a : earlier) {
                BigDecimal value = decimal(a.inputs().get(currentField));
                if (value != null && (tracked == null || value.compareTo(tracked) < 0)) {
                    tracked = value;
                    trackedOn = a.assessedOn();
                }
            }
            if (tracked == null) {
                continue;
            }
            BigDecimal given = decimal(inputs.get(nadirField));
            if (given != null && given.compareTo(tracked) > 0 && trackedOn != null) {
                throw new ProblemException("inconsistent-calculator-input", 422, "The inputs contradict each other",
                        "inputs." + nadirField + ": cannot be above the lowest value recorded since baseline, "
                                + tracked.stripTrailingZeros().toPlainString() + " " + m[2] + " on " + trackedOn,
                        List.of(new FieldProblem("inputs." + nadirField, "cannot be above the lowest value recorded"
                                + " since baseline, " + tracked.stripTrailingZeros().toPlainString() + " " + m[2]
                                + " on " + trackedOn)), Map.of());
            }
            if (given == null && trackedOn != null) {
                inputs.put(nadirField, tracked);
                filled = true;
            }
        }
        if (!filled) {
            return entry;
        }
        String derived = ImwgResponse.assess(new ImwgResponse.Assessment(
                decimal(inputs.get("baselineSerumMProteinGPerDl")), decimal(inputs.get("currentSerumMProteinGPerDl")),
                decimal(inputs.get("nadirSerumMProteinGPerDl")), decimal(inputs.get("baselineUrineMProteinMgPer24h")),
                decimal(inputs.get("currentUrineMProteinMgPer24h")), decimal(inputs.get("nadirUrineMProteinMgPer24h")),
                Boolean.TRUE.equals(inputs.get("serumImmunofixationNegative")),
                Boolean.TRUE.equals(inputs.get("urineImmunofixationNegative")),
                Boolean.TRUE.equals(inputs.get("mProteinDetectableOnlyByImmunofixation")),
                decimal(inputs.get("marrowPlasmaCellsPercent")), Boolean.TRUE.equals(inputs.get("softTissuePlasmacytomas")),
                (Boolean) inputs.get("flcRatioNormal"), (Boolean) inputs.get("clonalPlasmaCellsInMarrow"),
                Boolean.TRUE.equals(inputs.get("newBoneLesionsOrPlasmacytomas")))).name();
        // a category recorded as the derived one follows the new derivation; another one stays an override
        String category = entry.category() == null || entry.category().isBlank()
                || entry.category().equals(entry.derivedCategory()) ? null : entry.category();
        return new Entry(entry.assessedOn(), entry.framework(), inputs, derived, category, entry.categoryReason(),
                entry.password(), entry.sourceDocument());
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private ResponseHistory history(CaseId id) {
        ResponseHistory h = summarise(store.versions(id));
        List<DurationOfResponse> durations = DurationOfResponse.of(h, events.events(id), plans.visits(id));
        return new ResponseHistory(h.current(), h.versions(), h.latest(), h.best(), h.imwg(), durations);
    }

    private LocalDate dayZero(CaseId id, boolean lock) {
        return (lock ? plans.findForUpdate(id) : plans.find(id)).map(PlanStore.PlanRow::dayZero)
                .orElseThrow(() -> ProblemException.conflict("case-not-infused", "A response is recorded after the"
                        + " infusion: this case has no infusion recorded yet, so it has no day 0"));
    }

    /** 400 for the date, the category, its reason and signature, and the source document; 422 for the framework. */
    private void check(Entry entry, LocalDate dayZero, ResponseAssessment before) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = followUp.today();
        if (entry.assessedOn() == null) {
            problems.add(new FieldProblem("assessedOn", "is required"));
        } else if (entry.assessedOn().isBefore(dayZero)) {
            problems.add(new FieldProblem("assessedOn", "must be on or after day 0, the infusion on " + dayZero));
        } else if (entry.assessedOn().isAfter(today)) {
            problems.add(new FieldProblem("assessedOn", "cannot be in the future"));
        }
        if (entry.framework() == null) {
            problems.add(new FieldProblem("framework", "is required"));
        }
        boolean overridden = entry.category() != null && !entry.category().isBlank()
                && !entry.category().equals(entry.derivedCategory());
        if (overridden && entry.framework() != null && entry.framework().category(entry.category()).isEmpty()) {
            problems.add(new FieldProblem("category", "must be one of " + entry.framework().categories().stream()
                    .map(ResponseFramework.Category::code).toList()));
        }
        if (overridden) {
            if (entry.categoryReason() == null || entry.categoryReason().isBlank()) {
                problems.add(new FieldProblem("categoryReason", "give the reason the category differs from the one"
                        + " derived from the inputs"));
            } else if (entry.categoryReason().length() > TextLimits.LONG) {
                problems.add(new FieldProblem("categoryReason", "must be at most " + TextLimits.LONG + " characters"));
            }
            if (entry.password() == null || entry.password().isEmpty()) {
                problems.add(new FieldProblem("password", "is required to sign a category other than the derived"
                        + " one"));
            }
        }
        if (entry.sourceDocument() != null && entry.sourceDocument().length() > TextLimits.SHORT) {
            problems.add(new FieldProblem("sourceDocument", "must be at most " + TextLimits.SHORT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (before != null && before.framework() != entry.framework()) {
            throw new ProblemException("framework-changed", 422, "The request breaks a rule", "framework: a correction"
                    + " keeps the framework of the assessment (" + before.framework().name() + "); record a new"
                    + " assessment instead", List.of(new FieldProblem("framework", "must stay "
                            + before.framework().name())), Map.of());
        }
    }

    private ResponseAssessment save(Actor actor, CaseId id, Entry entry, UUID responseId, int version,
            String correctionReason) {
        String category = entry.category() == null || entry.category().isBlank() ? entry.derivedCategory()
                : entry.category();
        boolean overridden = !category.equals(entry.derivedCategory());
        UUID rowId = UUID.randomUUID();
        String source = entry.sourceDocument() == null || entry.sourceDocument().isBlank() ? null
                : entry.sourceDocument().trim();
        UUID signatureId = null;
        String categoryReason = null;
        if (overridden) {
            categoryReason = entry.categoryReason().trim();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("caseId", id.toString());
            content.put("responseId", responseId.toString());
            content.put("version", version);
            content.put("assessedOn", entry.assessedOn().toString());
            content.put("framework", entry.framework().name());
            content.put("inputs", entry.inputs());
            content.put("derivedCategory", entry.derivedCategory());
            content.put("category", category);
            ElectronicSignature signature = signatures.sign(actor, entry.password(), Role.CONSULTANT,
                    SignatureMeaning.OVERRIDDEN, new SignedRecord("ResponseAssessment", rowId.toString(), content),
                    categoryReason);
            signatureId = signature.id();
        }
        ResponseAssessment saved = new ResponseAssessment(rowId, responseId, version, entry.assessedOn(),
                entry.framework(), entry.inputs(), entry.derivedCategory(), category,
                entry.framework().label(category), categoryReason, signatureId, source, correctionReason,
                actor.displayName(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        store.insert(id, saved, actor.id());
        return saved;
    }

    private static Map<String, Object> auditView(CaseId id, ResponseAssessment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", id.toString());
        view.put("version", a.version());
        view.put("assessedOn", a.assessedOn().toString());
        view.put("framework", a.framework().name());
        view.put("inputs", a.inputs());
        view.put("derivedCategory", a.derivedCategory());
        view.put("category", a.category());
        view.put("signatureId", a.signatureId() == null ? null : a.signatureId().toString());
        view.put("sourceDocument", a.sourceDocument());
        return view;
    }
}
