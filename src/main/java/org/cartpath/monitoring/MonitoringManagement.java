package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.monitoring.grading.IcansGrader;
import org.cartpath.monitoring.internal.AnchorStore;
import org.cartpath.monitoring.internal.AssessmentGrading;
import org.cartpath.monitoring.internal.AssessmentStore;
import org.cartpath.monitoring.internal.MonitoringAccess;
import org.cartpath.monitoring.internal.MonitoringLabels;
import org.cartpath.monitoring.rules.AssessmentSchedule;
import org.cartpath.monitoring.rules.Episodes;
import org.cartpath.monitoring.rules.RegistryPeriods;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of toxicity monitoring: day 0 of a case, weights, CRS and ICANS assessments with their
 * grades and corrections, the episodes derived from them and the highest grade per registry window.
 *
 * <p>Only the treating centre sees a case's monitoring (404 for every other organisation); ward nurses and
 * consultants record assessments; every change is audited in its own transaction, and every change to one
 * case is serialised so that episodes and alerts see all earlier assessments.
 */
@Service
public class MonitoringManagement {

    /** A time up to this far ahead of the server's clock is taken as now: devices' clocks drift. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MonitoringAccess access;
    private final AnchorStore anchors;
    private final AssessmentStore assessments;
    private final MonitoringLabels labels;
    private final MonitoringAlerts alerts;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringManagement(MonitoringAccess access, AnchorStore anchors, AssessmentStore assessments,
            MonitoringLabels labels, MonitoringAlerts alerts, CaseJourney journey, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.access = access;
        this.anchors = anchors;
        this.assessments = assessments;
        this.labels = labels;
        this.alerts = alerts;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Starts monitoring a case: records day 0 (the infusion), the patient's age and developmental delay, and
     * their weight if given, and keeps the label version the monitoring parameters come from. A case at
     * INFUSED moves to MONITORING; a case already at MONITORING stays there. The treatment module calls this
     * when it records an infusion.
     *
     * @throws ProblemException 400 for a missing or impossible value, 409 {@code not-monitoring-stage} before
     *                          infusion or after monitoring, 409 {@code monitoring-already-started}, 422
     *                          {@code not-in-catalogue} when the case's product, indication or label is unknown
     */
    @Transactional
    public MonitoringAnchor startMonitoring(Actor actor, CaseId caseId, MonitoringStart start) {
        CaseView view = access.require(actor, caseId, MonitoringAccess.STARTERS, "start monitoring");
        Instant now = Instant.now(clock);
        checkStart(start, now);
        Stage stage = view.therapyCase().stage();
        if (stage != Stage.INFUSED && stage != Stage.MONITORING) {
            throw new ProblemException("not-monitoring-stage", 409, "Conflict with the current state",
                    "Case " + view.therapyCase().reference() + " is at stage '" + stage.label()
                            + "'; monitoring starts when the product has been infused",
                    List.of(), Map.of("currentStage", stage.name()));
        }
        anchors.lockCase(caseId);
        if (anchors.find(caseId).isPresent()) {
            throw ProblemException.conflict("monitoring-already-started",
                    "Monitoring of case " + view.therapyCase().reference() + " has already started");
        }
        LocalDate dayZero = LocalDate.ofInstant(start.infusedAt(), zone);
        LabelVersion version = labels.forCase(view.therapyCase(), dayZero);
        MonitoringAnchor anchor = new MonitoringAnchor(caseId, view.therapyCase().reference(),
                view.therapyCase().treatingCentre(), start.infusedAt(), dayZero, start.ageYears(),
                Boolean.TRUE.equals(start.developmentalDelay()), version.id(), actor.displayName(), now);
        try {
            anchors.insert(anchor, actor);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("monitoring-already-started", "Monitoring of this case has already started");
        }
        if (start.weightKg() != null) {
            anchors.insertWeight(caseId, start.weightKg(), dayZero, actor, now);
        }
        String summary = "Toxicity monitoring started: day 0 is " + dayZero + " (label version " + version.id() + ")";
        if (stage == Stage.INFUSED) {
            journey.advance(actor, caseId, Stage.MONITORING, summary);
        } else {
            journey.note(actor, caseId, "MONITORING_STARTED", summary);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("infusedAt", anchor.infusedAt().toString());
        after.put("dayZero", dayZero.toString());
        after.put("ageYears", anchor.ageYears());
        after.put("developmentalDelay", anchor.developmentalDelay());
        after.put("labelVersionId", version.id());
        after.put("weightKg", start.weightKg() == null ? null : start.weightKg().toPlainString());
        audit.record(actor, "MONITORING_STARTED", "TherapyCase", caseId.toString(), null, after, null);
        return anchor;
    }

    private void checkStart(MonitoringStart start, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null || start.infusedAt() == null) {
            problems.add(new FieldProblem("infusedAt", "is required"));
        } else if (start.infusedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("infusedAt", "must not be in the future"));
        }
        if (start == null || start.ageYears() == null) {
            problems.add(new FieldProblem("ageYears", "is required"));
        } else if (start.ageYears() < 0 || start.ageYears() > 120) {
            problems.add(new FieldProblem("ageYears", "must be between 0 and 120"));
        }
        if (start != null && start.weightKg() != null) {
            weightProblem(start.weightKg()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static Optional<FieldProblem> weightProblem(BigDecimal weightKg) {
        if (weightKg.compareTo(new BigDecimal("0.5")) < 0 || weightKg.compareTo(new BigDecimal("350")) > 0) {
            return Optional.of(new FieldProblem("weightKg", "must be between 0.5 and 350 kg"));
        }
        if (weightKg.stripTrailingZeros().scale() > 2) {
            return Optional.of(new FieldProblem("weightKg", "must have at most 2 decimals"));
        }
        return Optional.empty();
    }

    /** Records a weight measured on a day; tocilizumab is dosed on the latest measured. */
    @Transactional
    public WeightMeasurement recordWeight(Actor actor, CaseId caseId, BigDecimal weightKg, LocalDate measuredOn) {
        CaseView view = access.require(actor, caseId, MonitoringAccess.ASSESSORS, "record a weight");
        List<FieldProblem> problems = new ArrayList<>();
        if (weightKg == null) {
            problems.add(new FieldProblem("weightKg", "is required"));
        } else {
            weightProblem(weightKg).ifPresent(problems::add);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (measuredOn == null) {
            problems.add(new FieldProblem("measuredOn", "is required"));
        } else if (measuredOn.isAfter(today)) {
            problems.add(new FieldProblem("measuredOn", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        MonitoringAccess.requireAssessedStage(view);
        requireAnchor(view);
        Instant now = Instant.now(clock);
        anchors.insertWeight(caseId, weightKg, measuredOn, actor, now);
        audit.record(actor, "PATIENT_WEIGHT_RECORDED", "TherapyCase", caseId.toString(), null,
                Map.of("weightKg", weightKg.toPlainString(), "measuredOn", measuredOn.toString()), null);
        return new WeightMeasurement(weightKg, measuredOn, actor.displayName(), now);
    }

    /**
     * Records an assessment: the inputs as given, the CRS and ICANS grades with their reasons and the grader
     * version; then derives the episodes again and raises the alerts the rule set calls for.
     *
     * @throws ProblemException 400 naming the field for impossible or contradictory inputs, 409 before
     *                          infusion or before monitoring started, 422 {@code wrong-assessment-tool}
     */
    @Transactional
    public RecordedAssessment recordAssessment(Actor actor, CaseId caseId, AssessmentInput input) {
        CaseView view = access.require(actor, caseId, MonitoringAccess.ASSESSORS, "record an assessment");
        MonitoringAccess.requireAssessedStage(view);
        MonitoringAnchor anchor = requireAnchor(view);
        anchors.lockCase(caseId);
        UUID id = UUID.randomUUID();
        RecordedAssessment recorded = graded(anchor, input, id, id, 1, null, null, actor);
        assessments.insert(recorded, actor);
        afterChange(actor, anchor, recorded);
        audit.record(actor, "TOXICITY_ASSESSMENT_RECORDED", "ToxicityAssessment", id.toString(), null,
                auditView(recorded), null);
        return recorded;
    }

    /**
     * Corrects an assessment: a new version of it, linked to the version it corrects, with the reason. Only
     * the current version can be corrected (409 {@code stale-version} otherwise).
     */
    @Transactional
    public RecordedAssessment correctAssessment(Actor actor, UUID assessmentId, AssessmentInput input, String reason) {
        RecordedAssessment corrected = assessments.find(assessmentId)
                .orElseThrow(() -> new NotFoundException("assessment", assessmentId));
        CaseView view = access.require(actor, corrected.caseId(), MonitoringAccess.ASSESSORS, "correct an assessment");
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required: say what was wrong");
        }
        if (reason.length() > 2000) {
            throw ProblemException.invalid("reason", "must be at most 2000 characters");
        }
        MonitoringAccess.requireAssessedStage(view);
        MonitoringAnchor anchor = requireAnchor(view);
        anchors.lockCase(corrected.caseId());
        RecordedAssessment current = assessments.find(assessmentId).orElseThrow();
        if (!current.current()) {
            throw ProblemException.conflict("stale-version", "This assessment has been corrected since you read it;"
                    + " correct its current version");
        }
        RecordedAssessment recorded = graded(anchor, input, UUID.randomUUID(), corrected.seriesId(),
                corrected.version() + 1, corrected.id(), reason.trim(), actor);
        try {
            assessments.insert(recorded, actor);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("stale-version", "This assessment was corrected meanwhile; reload it");
        }
        afterChange(actor, anchor, recorded);
        audit.record(actor, "TOXICITY_ASSESSMENT_CORRECTED", "ToxicityAssessment", recorded.id().toString(),
                auditView(corrected), auditView(recorded), reason.trim());
        return recorded;
    }

    private RecordedAssessment graded(MonitoringAnchor anchor, AssessmentInput input, UUID id, UUID seriesId,
            int version, UUID correctsId, String reason, Actor actor) {
        if (input == null) {
            throw ProblemException.invalid("assessment", "is required");
        }
        Instant now = Instant.now(clock);
        if (input.assessedAt() == null) {
            throw ProblemException.invalid("assessedAt", "is required");
        }
        if (input.assessedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("assessedAt", "must not be in the future");
        }
        if (input.assessedAt().isBefore(anchor.infusedAt())) {
            throw ProblemException.invalid("assessedAt", "must not be before the infusion (" + anchor.infusedAt() + ")");
        }
        AssessmentGrading.Graded graded = AssessmentGrading.grade(input, anchor.ageYears(), anchor.developmentalDelay(),
                labels.icansParameters(labels.of(anchor)));
        return new RecordedAssessment(id, seriesId, version, correctsId, reason, anchor.caseId(), input.assessedAt(),
                anchor.dayNumber(LocalDate.ofInstant(input.assessedAt(), zone)), input, input.temperatureCelsius(),
                graded.crs().grade(), graded.crs().drivers().stream().map(Enum::name).sorted().toList(),
                graded.crs().explanation(), graded.icans().grade(), graded.icans().tool().name(), graded.icansScore(),
                graded.icans().drivers().stream().map(Enum::name).sorted().toList(), graded.icans().explanation(),
                AssessmentGrading.GRADER_VERSION, actor.displayName(), now, true);
    }

    private void afterChange(Actor actor, MonitoringAnchor anchor, RecordedAssessment recorded) {
        List<RecordedAssessment> current = assessments.current(anchor.caseId());
        List<ToxicityEpisode> episodes = derive(anchor, current);
        assessments.replaceEpisodes(anchor.caseId(), episodes);
        alerts.afterAssessment(actor, anchor, recorded, current, episodes);
    }

    List<ToxicityEpisode> derive(MonitoringAnchor anchor, List<RecordedAssessment> current) {
        List<ToxicityEpisode> episodes = new ArrayList<>();
        for (ToxicityEpisode.Syndrome syndrome : ToxicityEpisode.Syndrome.values()) {
            List<Episodes.Point> points = current.stream().map(a -> new Episodes.Point(a.assessedAt(),
                    syndrome == ToxicityEpisode.Syndrome.CRS ? a.crsGrade() : a.icansGrade())).toList();
            int sequence = 1;
            for (Episodes.Episode e : Episodes.derive(points)) {
                episodes.add(new ToxicityEpisode(syndrome, sequence++, e.onsetAt(), day(anchor, e.onsetAt()),
                        e.highestGrade(), e.highestAt(), e.resolvedAt(),
                        e.resolvedAt() == null ? null : day(anchor, e.resolvedAt())));
            }
        }
        episodes.sort(Comparator.comparing(ToxicityEpisode::onsetAt));
        return episodes;
    }

    private int day(MonitoringAnchor anchor, Instant at) {
        return anchor.dayNumber(LocalDate.ofInstant(at, zone));
    }

    /** What the actor may do with a case's monitoring, for pages to offer only what will be allowed. */
    public MonitoringPermissions permissions(Actor actor, CaseView view) {
        return new MonitoringPermissions(access.may(actor, view, MonitoringAccess.READERS),
                access.may(actor, view, MonitoringAccess.STARTERS), access.may(actor, view, MonitoringAccess.ASSESSORS),
                access.may(actor, view, java.util.EnumSet.of(org.cartpath.shared.Role.CONSULTANT)),
                access.may(actor, view, MonitoringAccess.ALERT_RECIPIENTS),
                access.may(actor, view, MonitoringAccess.STOCK_KEEPERS));
    }

    public boolean mayAssess(Actor actor, CaseView view) {
        return access.may(actor, view, MonitoringAccess.ASSESSORS);
    }

    /** The encephalopathy tool (ICE or CAPD) the patient is assessed with, from the age and delay at day 0. */
    public String icansTool(MonitoringAnchor anchor) {
        return new IcansGrader(labels.icansParameters(labels.of(anchor)))
                .toolFor(anchor.ageYears(), anchor.developmentalDelay()).name();
    }

    private MonitoringAnchor requireAnchor(CaseView view) {
        return anchors.find(view.therapyCase().id()).orElseThrow(() -> ProblemException.conflict(
                "monitoring-not-started", "Monitoring of case " + view.therapyCase().reference()
                        + " has not started: record the infusion (day 0) first"));
    }

    // --- reading ------------------------------------------------------------------------------------

    /** Day 0 of a case, if monitoring has started. */
    @Transactional(readOnly = true)
    public Optional<MonitoringAnchor> anchor(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return anchors.find(caseId);
    }

    /** One version of an assessment (logged as a read of patient data). */
    @Transactional
    public RecordedAssessment assessment(Actor actor, UUID id) {
        RecordedAssessment assessment = assessments.find(id).orElseThrow(() -> new NotFoundException("assessment", id));
        access.read(actor, assessment.caseId());
        audit.recordAccess(actor, "ToxicityAssessment", id.toString(), "toxicity monitoring");
        return assessment;
    }

    /** Every version of the assessment that {@code id} is a version of, first to last. */
    @Transactional(readOnly = true)
    public List<RecordedAssessment> versions(Actor actor, UUID id) {
        RecordedAssessment assessment = assessments.find(id).orElseThrow(() -> new NotFoundException("assessment", id));
        access.read(actor, assessment.caseId());
        return assessments.versions(assessment.seriesId());
    }

    /** The current assessments of a case, newest first. */
    @Transactional
    public Page<RecordedAssessment> assessments(Actor actor, CaseId caseId, Page.Request request) {
        access.read(actor, caseId);
        audit.recordAccess(actor, "TherapyCase", caseId.toString(), "toxicity assessments");
        List<RecordedAssessment> all = new ArrayList<>(assessments.current(caseId));
        all.sort(Comparator.comparing(RecordedAssessment::assessedAt).reversed());
        List<RecordedAssessment> items = all.stream().skip(request.offset()).limit(request.size()).toList();
        return new Page<>(items, request.page(), request.size(), all.size());
    }

    public List<ToxicityEpisode> episodes(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return assessments.episodes(caseId);
    }

    /**
     * The highest CRS and ICANS grade per registry reporting period, from day 0 to the period holding today,
     * for the registry forms of the reporting module.
     */
    @Transactional(readOnly = true)
    public List<RegistryWindow> registryWindows(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return anchors.find(caseId).map(anchor -> windows(anchor, assessments.current(caseId))).orElse(List.of());
    }

    private List<RegistryWindow> windows(MonitoringAnchor anchor, List<RecordedAssessment> current) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<RegistryWindow> windows = new ArrayList<>();
        for (RegistryPeriods.Period period : RegistryPeriods.upTo(anchor.dayZero(), today)) {
            List<RecordedAssessment> within = current.stream()
                    .filter(a -> period.contains(LocalDate.ofInstant(a.assessedAt(), zone))).toList();
            windows.add(new RegistryWindow(period.label(), period.from(), period.to(),
                    within.stream().map(RecordedAssessment::crsGrade).max(Integer::compare).orElse(null),
                    within.stream().map(RecordedAssessment::icansGrade).max(Integer::compare).orElse(null),
                    within.size()));
        }
        return windows;
    }

    /** Everything the case page shows; empty when monitoring has not started. */
    @Transactional
    public Optional<MonitoringSummary> summary(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        Optional<MonitoringAnchor> found = anchors.find(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        audit.recordAccess(actor, "TherapyCase", caseId.toString(), "toxicity monitoring");
        MonitoringAnchor anchor = found.get();
        List<RecordedAssessment> current = assessments.current(caseId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        RecordedAssessment latest = current.isEmpty() ? null : current.get(current.size() - 1);
        return Optional.of(new MonitoringSummary(anchor, anchor.dayNumber(today),
                anchors.latestWeight(caseId).orElse(null), latest,
                current.stream().map(RecordedAssessment::crsGrade).max(Integer::compare).orElse(null),
                current.stream().map(RecordedAssessment::icansGrade).max(Integer::compare).orElse(null),
                current, assessments.episodes(caseId), windows(anchor, current), labels.dates(anchor),
                due(anchor, current, today)));
    }

    AssessmentsDue due(MonitoringAnchor anchor, List<RecordedAssessment> current, LocalDate today) {
        AssessmentSchedule schedule = labels.schedule(anchor);
        AssessmentSchedule.Status status = schedule.status(current.stream()
                        .map(a -> LocalDate.ofInstant(a.assessedAt(), zone)).toList(),
                LocalDate.ofInstant(anchor.startedAt(), zone), today);
        return new AssessmentsDue(status.missed().stream().map(AssessmentSchedule.ScheduledDay::day).toList(),
                status.dueToday() == null ? null : status.dueToday().day(),
                status.next() == null ? null : status.next().day(), status.next() == null ? null : status.next().date());
    }

    private static Map<String, Object> auditView(RecordedAssessment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", a.caseId().toString());
        view.put("seriesId", a.seriesId().toString());
        view.put("version", a.version());
        view.put("assessedAt", a.assessedAt().toString());
        view.put("dayNumber", a.dayNumber());
        view.put("crsGrade", a.crsGrade());
        view.put("icansGrade", a.icansGrade());
        view.put("icansTool", a.icansTool());
        view.put("icansScore", a.icansScore());
        view.put("graderVersion", a.graderVersion());
        return view;
    }
}
