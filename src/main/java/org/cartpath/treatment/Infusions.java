package org.cartpath.treatment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
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
import org.cartpath.catalogue.DoseRange;
import org.cartpath.custody.ChainOfCustody;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.manufacturing.LotDecision;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.checklist.ChecklistEvaluation;
import org.cartpath.treatment.internal.CaseLabel;
import org.cartpath.treatment.internal.InfusionStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.internal.TreatmentSettings;
import org.cartpath.treatment.readiness.InfusionReadiness;
import org.cartpath.treatment.readiness.InfusionReadiness.Unmet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The infusion (ADR 0017). A ward nurse or consultant of the treating centre records it once every condition
 * holds ({@link InfusionReadiness}); a refusal names each unmet condition (422 {@code infusion-not-ready}), is recorded
 * in the audit trail, and changes nothing else. Recording it, in one transaction: the infusion with its signature
 * (meaning ADMINISTERED), day 0 as the follow-up anchor, the case to "Infused", and {@link InfusionRecorded}, on which
 * monitoring starts and moves the case on to "Monitoring".
 */
@Service
public class Infusions {

    /** A time this far ahead of the server's clock is taken as now. */
    static final Duration CLOCK_SKEW = EventDates.CLOCK_TOLERANCE;
    static final int MAX_REACTIONS = 2000;

    private final InfusionStore store;
    private final TreatmentAccess access;
    private final Lymphodepletion lymphodepletion;
    private final PreInfusionChecklist checklist;
    private final ManufacturingReports manufacturing;
    private final ChainOfCustody custody;
    private final ChainOfIdentity chainOfIdentity;
    private final PatientManagement patients;
    private final CaseLabel labels;
    private final ApplicationEventPublisher events;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final TreatmentSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    Infusions(InfusionStore store, TreatmentAccess access, Lymphodepletion lymphodepletion, PreInfusionChecklist checklist,
            ManufacturingReports manufacturing, ChainOfCustody custody, ChainOfIdentity chainOfIdentity,
            PatientManagement patients, CaseLabel labels, ApplicationEventPublisher events, ElectronicSignatures signatures,
            CaseJourney journey, AuditTrail audit, TreatmentSettings settings, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.access = access;
        this.lymphodepletion = lymphodepletion;
        this.checklist = checklist;
        this.manufacturing = manufacturing;
        this.custody = custody;
        this.chainOfIdentity = chainOfIdentity;
        this.patients = patients;
        this.labels = labels;
        this.events = events;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * What the clinician records.
     *
     * @param developmentalDelay whether the patient has a developmental delay (ICANS is then assessed with CAPD)
     * @param password           the recording clinician's password, to sign
     */
    public record InfusionRequest(Instant startedAt, Instant endedAt, Integer bagsUsed, String reactions,
            Boolean developmentalDelay, String password) {
    }

    /** Whether an infusion could be recorded now, and if not, what is missing. */
    public record Readiness(boolean ready, List<Unmet> unmet) {
    }

    /**
     * The conditions as they stand, for an infusion starting now with every bag of the lot. Reading it looks at the
     * patient's weight and consent, which is logged as a read.
     */
    @Transactional
    public Readiness readiness(Actor actor, CaseId caseId) {
        CaseView view = access.read(actor, caseId);
        Instant now = Instant.now(clock);
        List<Unmet> unmet = facts(actor, view, now, null).unmet();
        return new Readiness(unmet.isEmpty(), unmet);
    }

    @Transactional
    public InfusionRecord record(Actor actor, CaseId caseId, InfusionRequest request) {
        CaseView view = access.act(actor, caseId, Role.WARD_NURSE, Role.CONSULTANT);
        Instant now = Instant.now(clock);
        check(request, now);
        access.lock(caseId);
        if (store.ofCase(caseId).isPresent()) {
            throw ProblemException.conflict("already-infused", "The infusion of case " + view.therapyCase().reference()
                    + " is already recorded");
        }
        requireAfterReceipt(actor, caseId, request.startedAt());
        Gathered g = facts(actor, view, request.startedAt(), request.bagsUsed());
        if (g.lot() != null && request.bagsUsed() > g.lot().certificate().bags()) {
            throw ProblemException.invalid("bagsUsed", "lot " + g.lot().certificate().lotNumber() + " has "
                    + g.lot().certificate().bags() + " bag(s)");
        }
        List<Unmet> unmet = g.unmet();
        if (!unmet.isEmpty()) {
            refuse(actor, view, request, unmet);
        }
        ChainOfCustody.BedsideCheck bedside = g.bedside();
        BigDecimal weight = g.snapshot().weightKg().value();
        BigDecimal perKg = g.doseCells().divide(weight, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        Role role = actor.hasRole(Role.WARD_NURSE) ? Role.WARD_NURSE : Role.CONSULTANT;
        LocalDate dayZero = LocalDate.ofInstant(request.startedAt(), zone);
        List<InfusionRecord.ChecklistLine> lines = g.checklist().items().stream().map(i -> new InfusionRecord.ChecklistLine(
                i.item().code(), i.item().label(), i.state().name(), i.entry() == null ? "cartpath" : i.entry().byName(),
                i.finding() == null ? null : i.finding().evidence())).toList();
        List<String> flags = flags(g);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", caseId.toString());
        content.put("lot", g.lot().certificate().lotNumber());
        content.put("startedAt", request.startedAt().toString());
        content.put("endedAt", request.endedAt().toString());
        content.put("bagsUsed", request.bagsUsed());
        content.put("doseCells", g.doseCells().toPlainString());
        content.put("bedsideVerificationId", bedside.verificationId().toString());
        ElectronicSignature signature = signatures.sign(actor, request.password(), role, SignatureMeaning.ADMINISTERED,
                new SignedRecord("Infusion", id.toString(), content), null);
        InfusionRecord infusion = new InfusionRecord(id, caseId, g.lot().id(), g.lot().certificate().lotNumber(),
                request.startedAt(), request.endedAt(), dayZero, request.bagsUsed(), g.lot().certificate().bags(),
                g.doseCells(), perKg, weight, g.snapshot().weightKg().on(), g.range() == null ? "The catalogue gives no"
                + " dose range for this label" : g.range().basis(), g.snapshot().ageYears(),
                Boolean.TRUE.equals(request.developmentalDelay()), text(request.reactions()), bedside.verificationId(),
                bedside.firstCheckerName(), bedside.secondCheckerName(), g.status().plan().id(), lines, flags,
                signature.id(), actor.displayName(), now);
        store.insert(infusion, actor);
        journey.advance(actor, caseId, Stage.INFUSED, "Infused: lot " + infusion.lotNumber() + ", " + infusion.bagsUsed()
                + " bag(s); day 0 is " + dayZero + "; bedside check by two people");
        events.publishEvent(new InfusionRecorded(caseId, actor, request.startedAt(), g.snapshot().ageYears(),
                Boolean.TRUE.equals(request.developmentalDelay()), weight.setScale(2, RoundingMode.HALF_UP)));
        audit.record(actor, "INFUSION_RECORDED", "TherapyCase", caseId.toString(), null, auditView(infusion),
                flags.isEmpty() ? null : String.join("; ", flags));
        return infusion;
    }

    @Transactional(readOnly = true)
    public Optional<InfusionRecord> infusion(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.ofCase(caseId);
    }

    /** Day 0 of the case: the anchor of its follow-up schedule, once the infusion is recorded. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> dayZero(Actor actor, CaseId caseId) {
        access.read(actor, caseId);
        return store.dayZero(caseId);
    }

    // --- the facts -----------------------------------------------------------------------------------

    private record Gathered(List<Unmet> unmet, ProductLot lot, LymphodepletionStatus status, ChecklistStatus checklist,
            ChainOfCustody.BedsideCheck bedside, ClinicalSnapshot snapshot, BigDecimal doseCells, DoseRange range,
            boolean exceptionalRoute) {
    }

    private Gathered facts(Actor actor, CaseView view, Instant startedAt, Integer bagsUsed) {
        CaseId caseId = view.therapyCase().id();
        ProductLot lot = manufacturing.history(actor, caseId).latestLot();
        Optional<LymphodepletionStatus> status = lymphodepletion.statusOf(caseId);
        ChecklistStatus list = checklist.evaluate(actor, view);
        Optional<ChainOfCustody.BedsideCheck> bedside = custody.bedsideCheck(actor, caseId);
        String caseCoi = chainOfIdentity.find(actor, caseId).map(ChainOfIdentityId::content).orElse(null);
        LocalDate day = LocalDate.ofInstant(startedAt, zone);
        ClinicalSnapshot snapshot = patients.snapshot(actor, new PatientId(view.therapyCase().patientId()), day,
                "Recording the infusion");
        BigDecimal weight = snapshot.weightKg() == null ? null : snapshot.weightKg().value();
        BigDecimal dose = null;
        DoseRange range = null;
        boolean exceptional = false;
        String lotCoi = null;
        if (lot != null) {
            int bags = bagsUsed == null ? lot.certificate().bags() : Math.min(bagsUsed, lot.certificate().bags());
            // the bags of a lot are taken to hold equal shares of its dose
            dose = lot.certificate().doseCells().multiply(BigDecimal.valueOf(bags))
                    .divide(BigDecimal.valueOf(lot.certificate().bags()), 0, RoundingMode.HALF_UP);
            range = range(view, weight);
            exceptional = lot.decision(LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION) != null;
            lotCoi = lot.certificate().chainOfIdentity() == null ? null
                    : ChainOfIdentityId.parse(lot.certificate().chainOfIdentity()).content();
        }
        InfusionReadiness.Facts facts = new InfusionReadiness.Facts(view.therapyCase().stage().label(),
                view.therapyCase().stage() == Stage.LYMPHODEPLETION, lot == null ? null : lot.certificate().lotNumber(),
                lot != null && lot.accepted(), lotCoi, caseCoi, status.map(s -> lymphodepletion.course(s.plan(),
                        s.doses().stream().map(LymphodepletionStatus.DoseLine::record).filter(r -> r != null).toList()))
                        .orElse(null),
                status.map(s -> s.plan().verified()).orElse(false), day, list.open(), custody.identityStopped(actor, caseId),
                bedside.map(b -> new InfusionReadiness.Bedside(b.lot(), b.coi(), b.firstCheckerId(), b.secondCheckerId(),
                        b.completedAt())).orElse(null),
                startedAt, settings.bedsideCheckValidFor(), weight, dose, range == null ? null : range.minCells(),
                range == null ? null : range.maxCells(), exceptional);
        return new Gathered(InfusionReadiness.unmet(facts), lot, status.orElse(null), list, bedside.orElse(null), snapshot,
                dose, range, exceptional);
    }

    private DoseRange range(CaseView view, BigDecimal weight) {
        if (weight == null) {
            return null;
        }
        try {
            return labels.find(view.therapyCase()).map(l -> labels.catalogue().cellDoseRange(l.version(), l.indication(),
                    weight)).orElse(null);
        } catch (ProblemException outsideTheCatalogue) {
            return null;
        }
    }

    private static List<String> flags(Gathered g) {
        List<String> flags = new ArrayList<>();
        g.checklist().items().stream().filter(i -> i.state() == ChecklistEvaluation.State.OVERRIDDEN).forEach(i ->
                flags.add("Checklist item '" + i.item().label() + "' overridden by " + i.entry().byName() + ": "
                        + i.entry().note()));
        if (g.exceptionalRoute()) {
            flags.add("Out-of-specification lot given by an exceptional route");
        }
        if (g.range() == null || (g.range().minCells() == null && g.range().maxCells() == null)) {
            flags.add("The catalogue gives no dose range to check the dose against");
        }
        return flags;
    }

    private void refuse(Actor actor, CaseView view, InfusionRequest request, List<Unmet> unmet) {
        String detail = "The infusion cannot be recorded: " + String.join("; ", unmet.stream().map(Unmet::detail).toList());
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("startedAt", request.startedAt().toString());
        attempt.put("unmet", unmet.stream().map(u -> Map.of("code", u.code(), "detail", u.detail())).toList());
        audit.recordIndependently(actor, "INFUSION_REFUSED", "TherapyCase", view.therapyCase().id().toString(), attempt,
                detail);
        throw new ProblemException("infusion-not-ready", 422, "Not ready for infusion", detail, List.of(),
                Map.of("unmet", unmet));
    }

    /**
     * The product is infused after the centre received it (docs/clinical/dates.md): a start before the first receipt
     * of a product bag is refused (422 {@code infusion-before-receipt}), naming the receipt. The two times come from
     * different people's devices and forms (the laboratory's receipt, the ward's infusion record), so the start may lie
     * up to {@link EventDates#CLOCK_TOLERANCE} before the receipt, as for the bedside check.
     */
    private void requireAfterReceipt(Actor actor, CaseId caseId, Instant startedAt) {
        custody.productReceivedAt(actor, caseId).flatMap(received -> EventDates.before("infusion-before-receipt",
                "startedAt", startedAt, received.minus(EventDates.CLOCK_TOLERANCE),
                "must not be before the product was received at the centre, " + received)).ifPresent(refusal -> {
                            throw refusal;
                        });
    }

    /**
     * Times (docs/clinical/dates.md): the infusion is recorded once it has ended, so neither its start nor its end
     * may lie in the future beyond {@link EventDates#CLOCK_TOLERANCE}.
     */
    private static void check(InfusionRequest r, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.startedAt() == null) {
            problems.add(new FieldProblem("startedAt", "is required"));
        }
        if (r.endedAt() == null) {
            problems.add(new FieldProblem("endedAt", "is required"));
        } else if (r.startedAt() != null && !r.endedAt().isAfter(r.startedAt())) {
            problems.add(new FieldProblem("endedAt", "must be after the start"));
        }
        if (r.bagsUsed() == null) {
            problems.add(new FieldProblem("bagsUsed", "is required"));
        } else if (r.bagsUsed() < 1 || r.bagsUsed() > 20) {
            problems.add(new FieldProblem("bagsUsed", "must be from 1 to 20"));
        }
        if (r.reactions() != null && r.reactions().trim().length() > MAX_REACTIONS) {
            problems.add(new FieldProblem("reactions", "must be " + MAX_REACTIONS + " characters or fewer"));
        }
        if (r.password() == null || r.password().isEmpty()) {
            problems.add(new FieldProblem("password", "is required: the infusion is signed"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        EventDates.requireNotInFuture("startedAt", r.startedAt(), now, "the infusion");
        EventDates.requireNotInFuture("endedAt", r.endedAt(), now, "the infusion");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<String, Object> auditView(InfusionRecord i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("infusionId", i.id().toString());
        view.put("lotNumber", i.lotNumber());
        view.put("startedAt", i.startedAt().toString());
        view.put("endedAt", i.endedAt().toString());
        view.put("dayZero", i.dayZero().toString());
        view.put("bagsUsed", i.bagsUsed());
        view.put("doseCells", i.doseCells().toPlainString());
        view.put("doseCellsPerKg", i.doseCellsPerKg().toPlainString());
        view.put("bedsideVerificationId", i.bedsideVerificationId().toString());
        view.put("signatureId", i.signatureId().toString());
        return view;
    }
}
