package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.monitoring.grading.TocilizumabDose;
import org.cartpath.monitoring.internal.AnchorStore;
import org.cartpath.monitoring.internal.AssessmentStore;
import org.cartpath.monitoring.internal.MonitoringAccess;
import org.cartpath.monitoring.internal.MonitoringLabels;
import org.cartpath.monitoring.internal.TocilizumabStore;
import org.cartpath.monitoring.rules.SteroidGuidance;
import org.cartpath.monitoring.rules.TocilizumabRules;
import org.cartpath.monitoring.rules.TocilizumabRules.Rule;
import org.cartpath.monitoring.rules.TocilizumabRules.Violation;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment support for CRS and ICANS (docs/clinical/tocilizumab.md): the tocilizumab dose for the latest weight, recording
 * a dose against the spacing and count rules ({@link TocilizumabRules}), a consultant's signed override,
 * steroid guidance for the current grades (decision support only) and the tocilizumab stock check.
 */
@Service
public class ToxicityTreatment {

    /** Stages at which the doses held on site are counted: from receipt of the product to monitoring. */
    static final Set<Stage> STOCK_STAGES = EnumSet.of(Stage.RECEIVED, Stage.LYMPHODEPLETION, Stage.INFUSED,
            Stage.MONITORING);

    private final MonitoringAccess access;
    private final AnchorStore anchors;
    private final AssessmentStore assessments;
    private final TocilizumabStore store;
    private final MonitoringLabels labels;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    ToxicityTreatment(MonitoringAccess access, AnchorStore anchors, AssessmentStore assessments, TocilizumabStore store,
            MonitoringLabels labels, ElectronicSignatures signatures, CaseJourney journey, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.access = access;
        this.anchors = anchors;
        this.assessments = assessments;
        this.store = store;
        this.labels = labels;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(this.zone);
    }

    /** The dose for the latest weight, the doses given, and when the next may be given. */
    @Transactional(readOnly = true)
    public TocilizumabStatus tocilizumab(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        Instant now = Instant.now(clock);
        Optional<MonitoringAnchor> anchor = anchors.find(caseId);
        Optional<WeightMeasurement> weight = anchor.flatMap(a -> anchors.latestWeight(caseId));
        TocilizumabParameters label = labels.tocilizumab(anchor.map(labels::of).orElse(null));
        TocilizumabDose dose = weight.map(w -> TocilizumabDose.forCrs(w.weightKg(), label)).orElse(null);
        List<TocilizumabDoseGiven> doses = store.doses(caseId);
        List<Instant> given = doses.stream().map(TocilizumabDoseGiven::givenAt).toList();
        Instant courseStart = anchor.map(a -> courseStart(a, now)).orElse(now);
        int inCourse = (int) given.stream().filter(d -> !d.isBefore(courseStart)).count();
        Optional<Instant> earliest = TocilizumabRules.earliestNext(given, courseStart, now, label);
        return new TocilizumabStatus(weight.map(WeightMeasurement::weightKg).orElse(null),
                weight.map(WeightMeasurement::measuredOn).orElse(null), dose == null ? null : dose.doseMg(),
                dose == null ? null : dose.mgPerKg(), dose != null && dose.capped(), doses, inCourse, courseStart,
                earliest.orElse(null), earliest.map(e -> !e.isAfter(now)).orElse(false),
                nextDose(given, earliest, now, label), label);
    }

    private String nextDose(List<Instant> given, Optional<Instant> earliest, Instant now, TocilizumabParameters label) {
        if (earliest.isEmpty()) {
            return "The " + label.maxPerEpisode() + " doses of this CRS episode have been given: no further dose may be"
                    + " given in this episode.";
        }
        Instant at = earliest.get();
        if (!at.isAfter(now)) {
            return given.isEmpty() ? "No dose has been given yet." : "A further dose may be given now.";
        }
        Optional<Instant> afterInterval = given.stream().filter(d -> d.plus(label.minInterval()).equals(at))
                .findFirst();
        String why = afterInterval.map(d -> "at least " + TocilizumabRules.hours(label) + " after the dose at "
                + time.format(d)).orElse("at most " + label.maxIn24Hours() + " doses in 24 hours");
        return "The next dose may not be given before " + time.format(at) + " (" + why + ").";
    }

    /**
     * Records a dose of tocilizumab given. Refused with 422 naming the rule and the earliest allowed time
     * ({@code tocilizumab-too-early}, {@code tocilizumab-episode-limit}, {@code tocilizumab-dose-above-weight})
     * unless a consultant overrides with their signature and a reason; the override is kept on the dose and
     * noted on the case's timeline.
     */
    @Transactional
    public TocilizumabDoseGiven recordTocilizumab(Actor actor, CaseId caseId, Instant givenAt, BigDecimal doseMg,
            TocilizumabOverride override) {
        CaseView view = access.require(actor, caseId, MonitoringAccess.ASSESSORS, "record tocilizumab");
        Instant now = Instant.now(clock);
        TocilizumabParameters label = labels.tocilizumab(anchors.find(caseId).map(labels::of).orElse(null));
        checkDose(givenAt, doseMg, override, now, label);
        if (override != null && !actor.hasRole(Role.CONSULTANT)) {
            throw ProblemException.forbidden("Only a consultant may override a tocilizumab rule");
        }
        MonitoringAccess.requireAssessedStage(view);
        MonitoringAnchor anchor = anchors.find(caseId).orElseThrow(() -> ProblemException.conflict(
                "monitoring-not-started", "Monitoring of this case has not started: record the infusion (day 0) first"));
        if (givenAt.isBefore(anchor.infusedAt())) {
            throw ProblemException.invalid("givenAt", "must not be before the infusion (" + time.format(anchor.infusedAt())
                    + ")");
        }
        anchors.lockCase(caseId);
        WeightMeasurement weight = anchors.latestWeight(caseId).orElseThrow(() -> ProblemException.unprocessable(
                "weight-required", "Record the patient's weight first: the tocilizumab dose depends on it"));
        TocilizumabDose weightBased = TocilizumabDose.forCrs(weight.weightKg(), label);
        List<Instant> given = store.doses(caseId).stream().map(TocilizumabDoseGiven::givenAt).toList();
        Instant courseStart = courseStart(anchor, givenAt);
        List<Violation> violations = new ArrayList<>(TocilizumabRules.check(given, courseStart, givenAt, label));
        if (doseMg.compareTo(weightBased.doseMg()) > 0) {
            violations.add(new Violation(Rule.DOSE_ABOVE_WEIGHT_BASED, doseMg.toPlainString() + " mg is more than "
                    + weightBased.doseMg().toPlainString() + " mg, the dose for " + weight.weightKg().toPlainString()
                    + " kg (" + weightBased.mgPerKg() + " mg/kg" + (weightBased.capped() ? ", at most "
                            + label.maxDose().toPlainString() + " mg" : "")
                    + ")", Optional.empty()));
        }
        if (!violations.isEmpty() && override == null) {
            throw refusal(givenAt, violations, label);
        }
        UUID id = UUID.randomUUID();
        List<String> overridden = violations.stream().map(v -> v.rule().name()).toList();
        ElectronicSignature signature = null;
        if (!violations.isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("caseId", caseId.toString());
            content.put("givenAt", givenAt.toString());
            content.put("doseMg", doseMg.toPlainString());
            content.put("overriddenRules", overridden);
            signature = signatures.sign(actor, override.password(), Role.CONSULTANT, SignatureMeaning.OVERRIDDEN,
                    new SignedRecord("TocilizumabDose", id.toString(), content), override.reason().trim());
        }
        TocilizumabDoseGiven dose = new TocilizumabDoseGiven(id, givenAt, doseMg, weight.weightKg(),
                weightBased.doseMg(), overridden, signature == null ? null : override.reason().trim(),
                signature == null ? null : signature.id(), actor.displayName(), now);
        store.insert(caseId, dose, actor);
        if (signature != null) {
            // The case's timeline is seen by every party, manufacturers included: the flag says what happened,
            // the dose, the reason and the signer stay in monitoring, which only the treating centre sees.
            journey.note(actor, caseId, "TOCILIZUMAB_RULE_OVERRIDDEN", "Tocilizumab given against the rule"
                    + (overridden.size() > 1 ? "s " : " ") + violations.stream().map(v -> "'" + v.rule().label(label) + "'")
                    .collect(Collectors.joining(", ")) + ", overridden by a consultant with a signed reason");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseId", caseId.toString());
        after.put("givenAt", givenAt.toString());
        after.put("doseMg", doseMg.toPlainString());
        after.put("weightKg", weight.weightKg().toPlainString());
        after.put("weightBasedDoseMg", weightBased.doseMg().toPlainString());
        after.put("overriddenRules", overridden);
        audit.record(actor, "TOCILIZUMAB_DOSE_RECORDED", "TocilizumabDose", id.toString(), null, after,
                dose.overrideReason());
        return dose;
    }

    private static void checkDose(Instant givenAt, BigDecimal doseMg, TocilizumabOverride override, Instant now,
            TocilizumabParameters label) {
        List<FieldProblem> problems = new ArrayList<>();
        if (givenAt == null) {
            problems.add(new FieldProblem("givenAt", "is required"));
        } else if (givenAt.isAfter(now.plus(MonitoringManagement.CLOCK_SKEW))) {
            problems.add(new FieldProblem("givenAt", "must not be in the future"));
        }
        if (doseMg == null) {
            problems.add(new FieldProblem("doseMg", "is required"));
        } else if (doseMg.signum() <= 0 || doseMg.compareTo(label.maxDose()) > 0) {
            problems.add(new FieldProblem("doseMg", "must be more than 0 and at most " + label.maxDose().toPlainString()
                    + " mg (the label's maximum dose)"));
        } else if (doseMg.stripTrailingZeros().scale() > 1) {
            problems.add(new FieldProblem("doseMg", "must have at most one decimal"));
        }
        if (override != null) {
            if (override.password() == null || override.password().isEmpty()) {
                problems.add(new FieldProblem("override.password", "is required to sign the override"));
            }
            if (override.reason() == null || override.reason().isBlank()) {
                problems.add(new FieldProblem("override.reason", "is required: say why the rule is overridden"));
            } else if (override.reason().length() > 2000) {
                problems.add(new FieldProblem("override.reason", "must be at most 2000 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private ProblemException refusal(Instant givenAt, List<Violation> violations, TocilizumabParameters label) {
        Set<Rule> rules = violations.stream().map(Violation::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        String type = rules.contains(Rule.MAX_4_PER_EPISODE) ? "tocilizumab-episode-limit"
                : rules.contains(Rule.MIN_INTERVAL_8_HOURS) || rules.contains(Rule.MAX_3_IN_24_HOURS)
                        ? "tocilizumab-too-early" : "tocilizumab-dose-above-weight";
        Optional<Instant> earliest = rules.contains(Rule.MAX_4_PER_EPISODE) ? Optional.empty()
                : violations.stream().map(Violation::earliestAllowed).flatMap(Optional::stream).max(Instant::compareTo);
        String detail = "Tocilizumab at " + time.format(givenAt) + " breaks "
                + violations.stream().map(v -> "the rule '" + v.rule().label(label) + "' (" + v.detail() + ")")
                        .collect(Collectors.joining("; "))
                + earliest.map(e -> ". The earliest allowed time is " + time.format(e)).orElse("")
                + ". A consultant may override with a signed reason.";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rules", rules.stream().map(Enum::name).toList());
        earliest.ifPresent(e -> properties.put("earliestAllowedAt", e.toString()));
        properties.put("overridable", true);
        return new ProblemException(type, 422, "The request breaks a rule", detail, List.of(), properties);
    }

    /** Doses since the last CRS resolution before {@code at} count towards the episode's limit; else since infusion. */
    private Instant courseStart(MonitoringAnchor anchor, Instant at) {
        return assessments.episodes(anchor.caseId()).stream()
                .filter(e -> e.syndrome() == ToxicityEpisode.Syndrome.CRS && e.resolvedAt() != null
                        && !e.resolvedAt().isAfter(at))
                .map(ToxicityEpisode::resolvedAt).max(Instant::compareTo).orElse(anchor.infusedAt());
    }

    /** Steroid guidance for the grades of the latest assessment (ASCO 2021), for the clinician to weigh. */
    @Transactional(readOnly = true)
    public SteroidAdvice steroidGuidance(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        List<RecordedAssessment> current = assessments.current(caseId);
        RecordedAssessment latest = current.isEmpty() ? null : current.get(current.size() - 1);
        Integer crs = latest == null ? null : latest.crsGrade();
        Integer icans = latest == null ? null : latest.icansGrade();
        return new SteroidAdvice(crs, icans, latest == null ? null : latest.assessedAt(),
                SteroidGuidance.forGrades(crs, icans).stream()
                        .map(l -> new SteroidAdvice.Line(l.syndrome(), l.grade(), l.guidance(), l.source())).toList(),
                SteroidGuidance.DISCLAIMER);
    }

    /** Records how many doses of tocilizumab are held on site for the case. */
    @Transactional
    public StockCheck recordStock(Actor actor, CaseId caseId, Integer dosesOnSite) {
        CaseView view = access.require(actor, caseId, MonitoringAccess.STOCK_KEEPERS, "count tocilizumab stock");
        if (dosesOnSite == null) {
            throw ProblemException.invalid("dosesOnSite", "is required");
        }
        if (dosesOnSite < 0 || dosesOnSite > 50) {
            throw ProblemException.invalid("dosesOnSite", "must be between 0 and 50");
        }
        Stage stage = view.therapyCase().stage();
        if (!STOCK_STAGES.contains(stage)) {
            throw new ProblemException("not-monitoring-stage", 409, "Conflict with the current state",
                    "Case " + view.therapyCase().reference() + " is at stage '" + stage.label() + "'; tocilizumab stock"
                            + " is counted from receipt of the product to the end of monitoring",
                    List.of(), Map.of("currentStage", stage.name()));
        }
        store.insertCount(caseId, dosesOnSite, actor, Instant.now(clock));
        audit.record(actor, "TOCILIZUMAB_STOCK_COUNTED", "TherapyCase", caseId.toString(), null,
                Map.of("dosesOnSite", dosesOnSite), null);
        return check(view);
    }

    /**
     * The stock check before infusion: the doses counted on site against the label version's requirement;
     * when the catalogue has no number the check says "no requirement in the catalogue" with the reason.
     */
    @Transactional(readOnly = true)
    public StockCheck stockCheck(Actor actor, CaseId caseId) {
        return check(access.read(actor, caseId));
    }

    /**
     * Whether {@link #stockCheck} would show the count to this actor (centre staff who see monitoring). Callers inside
     * a transaction ask this first instead of catching the refusal, which would leave their transaction rollback-only.
     */
    public boolean maySeeStock(Actor actor, CaseView view) {
        return access.may(actor, view, MonitoringAccess.READERS);
    }

    private StockCheck check(CaseView view) {
        CaseId caseId = view.therapyCase().id();
        LabelVersion version = anchors.find(caseId).map(labels::of)
                .orElseGet(() -> labels.ofCaseIfKnown(view.therapyCase(), LocalDate.now(clock.withZone(zone))));
        SourcedNumber required = labels.tocilizumabDosesOnSite(version);
        Optional<TocilizumabStore.Count> count = store.latestCount(caseId);
        Integer needed = required.present() ? required.intValue() : null;
        StockCheck.Status status;
        String summary;
        String counted = count.map(c -> c.dosesOnSite() + " on site. ").orElse("None counted yet. ");
        if (version == null) {
            status = count.isEmpty() ? StockCheck.Status.NOT_COUNTED : StockCheck.Status.NO_REQUIREMENT_IN_CATALOGUE;
            summary = counted + "No requirement in the catalogue: it holds no label version for this case's product,"
                    + " indication and jurisdiction.";
        } else if (needed == null) {
            status = count.isEmpty() ? StockCheck.Status.NOT_COUNTED : StockCheck.Status.NO_REQUIREMENT_IN_CATALOGUE;
            summary = counted + "No requirement in the catalogue for label version " + version.id() + ": "
                    + required.note();
        } else if (count.isEmpty()) {
            status = StockCheck.Status.NOT_COUNTED;
            summary = "Label version " + version.id() + " asks for " + needed + " dose" + (needed == 1 ? "" : "s")
                    + " on site; none counted yet.";
        } else {
            status = count.get().dosesOnSite() >= needed ? StockCheck.Status.ENOUGH : StockCheck.Status.SHORT;
            summary = count.get().dosesOnSite() + " on site; label version " + version.id() + " asks for " + needed
                    + (status == StockCheck.Status.SHORT ? ": short by " + (needed - count.get().dosesOnSite()) : ": enough")
                    + ".";
        }
        return new StockCheck(count.map(TocilizumabStore.Count::dosesOnSite).orElse(null),
                count.map(TocilizumabStore.Count::countedAt).orElse(null),
                count.map(TocilizumabStore.Count::countedByName).orElse(null), needed,
                required.present() ? required.source() : required.note(), required.check(),
                version == null ? null : version.id(), status, summary);
    }
}
