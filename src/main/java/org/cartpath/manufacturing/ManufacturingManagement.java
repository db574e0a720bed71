package org.cartpath.manufacturing;

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
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.DoseComponent;
import org.cartpath.catalogue.DoseRange;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.InvalidIdentifierException;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.manufacturing.internal.ManufacturingStore;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of manufacturing (ADR 0012).
 *
 * <ul>
 *   <li>Manufacturer operators (their own cases only; or a coordinator mirroring the manufacturer's portal)
 *       report status; material received moves the case into manufacturing; a failure either sends the case
 *       back to booking for new cells or starts another attempt.</li>
 *   <li>A release carries the certificate of analysis and moves the case to RELEASED.</li>
 *   <li>The centre checks the lot against the label the case was assessed under and the patient's weight
 *       at collection; a failed check makes the lot out of specification.</li>
 *   <li>Centre QA accepts a lot with an e-signature. An out-of-specification lot needs first the
 *       consultant's signed decision naming the exceptional route, then QA's acceptance as the second
 *       signature, by a different person.</li>
 * </ul>
 */
@Service
public class ManufacturingManagement {

    private static final String ENTITY = "ProductLot";

    private final ManufacturingStore store;
    private final CaseJourney journey;
    private final Catalogue catalogue;
    private final PatientManagement patients;
    private final ElectronicSignatures signatures;
    private final SlotBookings bookings;
    private final BookedManufacturers booked;
    private final ChainOfIdentity chainOfIdentity;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ManufacturingManagement(ManufacturingStore store, CaseJourney journey, Catalogue catalogue, PatientManagement patients,
            ElectronicSignatures signatures, SlotBookings bookings, BookedManufacturers booked,
            ChainOfIdentity chainOfIdentity, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.booked = booked;
        this.store = store;
        this.journey = journey;
        this.catalogue = catalogue;
        this.patients = patients;
        this.signatures = signatures;
        this.bookings = bookings;
        this.chainOfIdentity = chainOfIdentity;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** A status report without a product: material received, started, in QC, or failed. */
    public record StatusReport(ManufacturingStatus status, FailureReason failureReason, FailureResolution resolution,
            String reason, LocalDate expectedReleaseOn) {
    }

    @Transactional
    public ManufacturingReport report(Actor actor, CaseId caseId, StatusReport command) {
        TherapyCase therapyCase = requireReporter(actor, caseId, "STATUS_REPORT");
        if (command.status() == null) {
            throw ProblemException.invalid("status", "is required");
        }
        if (command.status() == ManufacturingStatus.RELEASED || command.status() == ManufacturingStatus.OUT_OF_SPECIFICATION) {
            throw ProblemException.invalid("status", "a release, in or out of specification, is reported with its "
                    + "certificate of analysis: POST …/product-lots");
        }
        requireFutureOrToday(command.expectedReleaseOn());
        int attempt = currentAttempt(caseId);
        if (command.status() == ManufacturingStatus.FAILED) {
            List<FieldProblem> problems = new ArrayList<>();
            if (command.failureReason() == null) {
                problems.add(new FieldProblem("failureReason", "say why manufacturing failed"));
            }
            if (command.resolution() == null) {
                problems.add(new FieldProblem("resolution", "say whether new cells are needed (RE_COLLECTION) or the "
                        + "manufacturer tries again (RE_MANUFACTURE)"));
            }
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
        }
        Instant now = Instant.now(clock);
        ManufacturingReport report = new ManufacturingReport(UUID.randomUUID(), attempt, command.status(),
                command.failureReason(), command.resolution(), trimmed(command.reason()), command.expectedReleaseOn(),
                mirrored(actor), now, actor.displayName());
        String summary = summary(report);
        switch (command.status()) {
            case MATERIAL_RECEIVED -> {
                if (therapyCase.stage() == Stage.COLLECTED) {
                    journey.advance(actor, caseId, Stage.IN_MANUFACTURING, summary);
                } else {
                    requireStage(therapyCase, Stage.IN_MANUFACTURING);
                    journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary);
                }
            }
            case FAILED -> {
                requireStage(therapyCase, Stage.IN_MANUFACTURING);
                if (command.resolution() == FailureResolution.RE_COLLECTION) {
                    journey.advance(actor, caseId, Stage.SLOT_BOOKED, summary + "; new cells must be collected");
                    journey.openTask(actor, caseId, StageTasks.RECOLLECTION_BOOKING, Role.COORDINATOR,
                            journey.today().plusDays(2));
                } else {
                    journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary + "; the manufacturer makes attempt "
                            + (attempt + 1));
                }
            }
            default -> {
                requireStage(therapyCase, Stage.IN_MANUFACTURING);
                journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary);
            }
        }
        store.insertReport(caseId, report, actor);
        audit.record(actor, "MANUFACTURING_REPORTED", "TherapyCase", caseId.toString(), null, auditView(report), report.reason());
        return report;
    }

    /**
     * The manufacturer releases a lot with its certificate of analysis, or reports it out of specification
     * by its own tests ({@code manufacturerOutOfSpecification} says why). The case moves to RELEASED; the
     * centre then checks and accepts the lot before it may be given. A certificate whose COI is not the case's
     * own is refused (422 {@code lot-coi-mismatch}) and the refusal recorded: it is another patient's product.
     */
    @Transactional
    public ProductLot release(Actor actor, CaseId caseId, CertificateOfAnalysis certificate,
            String manufacturerOutOfSpecification) {
        TherapyCase therapyCase = requireReporter(actor, caseId, "RELEASE");
        validate(certificate);
        requireStage(therapyCase, Stage.IN_MANUFACTURING);
        requireCaseChainOfIdentity(actor, therapyCase, certificate);
        if (store.lotNumberUsed(caseId, certificate.lotNumber().trim())) {
            throw ProblemException.conflict("duplicate-lot", "Lot " + certificate.lotNumber().trim()
                    + " was already reported for case " + therapyCase.reference());
        }
        Instant now = Instant.now(clock);
        int attempt = currentAttempt(caseId);
        UUID lotId = UUID.randomUUID();
        String oos = trimmed(manufacturerOutOfSpecification);
        store.insertLot(lotId, caseId, attempt, normalised(certificate), oos, now, actor);
        ManufacturingReport report = new ManufacturingReport(UUID.randomUUID(), attempt,
                oos == null ? ManufacturingStatus.RELEASED : ManufacturingStatus.OUT_OF_SPECIFICATION, null, null, oos,
                null, mirrored(actor), now, actor.displayName());
        store.insertReport(caseId, report, actor);
        journey.advance(actor, caseId, Stage.RELEASED, "Lot " + certificate.lotNumber().trim() + " released by the manufacturer"
                + (oos == null ? "" : ", out of specification: " + oos));
        // one lot awaits QA at a time: a task for an earlier lot of this case is done with (superseded)
        journey.closeOpenTasks(actor, caseId, StageTasks.QA_ACCEPTANCE);
        journey.openTask(actor, caseId, StageTasks.QA_ACCEPTANCE, Role.QA, journey.today().plusDays(1));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lotId", lotId.toString());
        after.put("certificate", normalised(certificate));
        after.put("manufacturerOutOfSpecification", oos);
        audit.record(actor, "PRODUCT_LOT_RELEASED", ENTITY, lotId.toString(), null, after, oos);
        return lot(caseId, lotId);
    }

    /**
     * The centre checks the latest lot against the label the case was assessed under, with the patient's
     * weight on record at collection. The result is stored as it was shown; a failure makes the lot out of
     * specification.
     */
    @Transactional
    public ProductLot check(Actor actor, CaseId caseId) {
        CaseView view = requireCentre(actor, caseId, Role.QA, Role.COORDINATOR, Role.CONSULTANT, Role.CELL_THERAPY_LAB);
        ProductLot lot = latestLot(caseId);
        TherapyCase therapyCase = view.therapyCase();
        Optional<LabelVersion> version = labelVersion(therapyCase);
        LocalDate collectedOn = journey.enteredStageAt(actor, caseId, Stage.COLLECTED)
                .map(at -> LocalDate.ofInstant(at, zone)).orElse(journey.today());
        ClinicalSnapshot snapshot = patients.snapshot(actor, new PatientId(therapyCase.patientId()), collectedOn,
                "Checking lot " + lot.certificate().lotNumber() + " against the label");
        BigDecimal weight = snapshot.weightKg() == null ? null : snapshot.weightKg().value();
        LocalDate weighedOn = snapshot.weightKg() == null ? null : snapshot.weightKg().on();
        DoseRange range = null;
        List<DoseComponent> components = List.of();
        Indication indication = indication(therapyCase);
        if (version.isPresent() && indication != null) {
            Optional<LabelledIndication> labelled = version.get().indication(indication);
            if (labelled.isPresent()) {
                components = labelled.get().dose().components();
                if (weight != null) {
                    range = catalogue.cellDoseRange(version.get(), indication, weight);
                }
            }
        }
        ReleaseChecks.Inputs inputs = new ReleaseChecks.Inputs(lot.certificate(), range, components,
                version.map(LabelVersion::release).orElse(null), weight, weighedOn, journey.today(),
                version.map(LabelVersion::id).orElse(null));
        List<LotCheck> checks = ReleaseChecks.check(inputs);
        ReleaseChecks.Result result = ReleaseChecks.result(checks);
        store.insertCheck(lot.id(), result, checks, weight, weighedOn, inputs.labelVersionId(), Instant.now(clock),
                actor.displayName());
        journey.note(actor, caseId, "PRODUCT_LOT_CHECKED", "Lot " + lot.certificate().lotNumber() + " checked against "
                + (inputs.labelVersionId() == null ? "no label version" : "label " + inputs.labelVersionId()) + ": "
                + result.name().toLowerCase().replace('_', ' '));
        audit.record(actor, "PRODUCT_LOT_CHECKED", ENTITY, lot.id().toString(), null,
                Map.of("result", result.name(), "checks", checks), null);
        return lot(caseId, lot.id());
    }

    /**
     * The treating consultant decides to give an out-of-specification lot by an exceptional route, signed
     * (docs/clinical/dosing.md: record reason and route).
     */
    @Transactional
    public ProductLot decideOutOfSpecification(Actor actor, CaseId caseId, ExceptionalRoute route, String reason,
            String password) {
        requireCentre(actor, caseId, Role.CONSULTANT);
        ProductLot lot = latestLot(caseId);
        if (!lot.outOfSpecification()) {
            throw ProblemException.unprocessable("lot-within-specification", "Lot " + lot.certificate().lotNumber()
                    + " is not out of specification; it needs no exceptional route");
        }
        if (route == null) {
            throw ProblemException.invalid("route", "choose the exceptional route");
        }
        String why = requireReason(reason);
        if (lot.decision(LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION) != null) {
            throw ProblemException.conflict("already-decided", "The consultant's decision on this lot is already recorded");
        }
        ElectronicSignature signature = signatures.sign(actor, password, Role.CONSULTANT, SignatureMeaning.APPROVED,
                new SignedRecord(ENTITY, lot.id().toString(), Map.of("lot", lot.certificate(), "route", route.name(),
                        "reason", why)), why);
        store.insertDecision(lot.id(), LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION, route, why, signature.id(),
                UUID.fromString(actor.id()), Instant.now(clock));
        journey.note(actor, caseId, "OUT_OF_SPECIFICATION_DECIDED", "Out-of-specification lot "
                + lot.certificate().lotNumber() + " to be given by " + route.label() + ": " + why);
        audit.record(actor, "OUT_OF_SPECIFICATION_DECIDED", ENTITY, lot.id().toString(), null,
                Map.of("route", route.name(), "signatureId", signature.id().toString()), why);
        return lot(caseId, lot.id());
    }

    /**
     * Centre QA accepts the lot with an e-signature. A lot must have been checked; an out-of-specification
     * lot needs the consultant's decision first and a different person's acceptance; a check that could not
     * decide everything needs QA's reason.
     */
    @Transactional
    public ProductLot accept(Actor actor, CaseId caseId, String password, String reason) {
        requireCentre(actor, caseId, Role.QA);
        ProductLot lot = latestLot(caseId);
        if (lot.accepted()) {
            throw ProblemException.conflict("already-accepted", "Lot " + lot.certificate().lotNumber() + " is already accepted");
        }
        LotAssessment assessment = lot.latestAssessment();
        if (assessment == null) {
            throw ProblemException.unprocessable("lot-not-checked", "Check lot " + lot.certificate().lotNumber()
                    + " against the label before accepting it");
        }
        String why = trimmed(reason);
        if (lot.outOfSpecification()) {
            LotDecision decision = lot.decision(LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION);
            if (decision == null) {
                throw ProblemException.unprocessable("out-of-specification-decision-required", "Lot "
                        + lot.certificate().lotNumber() + " is out of specification: the consultant must first record "
                        + "the exceptional route with a signed decision");
            }
            UUID decidedBy = store.decidedBy(lot.id(), LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION);
            if (decidedBy.toString().equals(actor.id())) {
                throw ProblemException.unprocessable("second-signature-required",
                        "The second signature must come from a different person than the consultant's decision");
            }
        } else if (assessment.result() == ReleaseChecks.Result.INCOMPLETE && why == null) {
            throw ProblemException.invalid("reason", "some checks could not be decided; say why you accept the lot");
        }
        ElectronicSignature signature = signatures.sign(actor, password, Role.QA, SignatureMeaning.RELEASED,
                new SignedRecord(ENTITY, lot.id().toString(), Map.of("lot", lot.certificate(), "check",
                        assessment.result().name())), why);
        store.insertDecision(lot.id(), LotDecision.Kind.QA_ACCEPTANCE, null, why, signature.id(),
                UUID.fromString(actor.id()), Instant.now(clock));
        journey.closeOpenTasks(actor, caseId, StageTasks.QA_ACCEPTANCE);
        journey.note(actor, caseId, "PRODUCT_LOT_ACCEPTED", "Lot " + lot.certificate().lotNumber() + " accepted by QA"
                + (lot.outOfSpecification() ? " (out of specification, second signature)" : ""));
        audit.record(actor, "PRODUCT_LOT_ACCEPTED", ENTITY, lot.id().toString(), null,
                Map.of("signatureId", signature.id().toString(), "outOfSpecification", lot.outOfSpecification()), why);
        return lot(caseId, lot.id());
    }

    // --- reading -------------------------------------------------------------------------------------

    /** Everything manufacturing knows of a case: its reports and lots. */
    public record History(List<ManufacturingReport> reports, List<ProductLot> lots) {
        public ManufacturingReport latestReport() {
            return reports.isEmpty() ? null : reports.get(reports.size() - 1);
        }

        public ProductLot latestLot() {
            return lots.isEmpty() ? null : lots.get(lots.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    public History history(Actor actor, CaseId caseId) {
        journey.get(actor, caseId);
        return new History(store.reports(caseId), store.lots(caseId));
    }

    /** Whether the case's latest lot has been accepted by the centre's QA (the treatment module's check). */
    @Transactional(readOnly = true)
    public boolean latestLotAccepted(Actor actor, CaseId caseId) {
        journey.get(actor, caseId);
        List<ProductLot> lots = store.lots(caseId);
        return !lots.isEmpty() && lots.get(lots.size() - 1).accepted();
    }

    /**
     * A line of the coordinator's overview of manufacturing across all manufacturers.
     *
     * @param plannedRelease the release date the booking planned, if the case has an active booking
     * @param slippageDays   days from the planned release (else from the first date the manufacturer gave) to
     *                       the latest expected release
     */
    public record OverviewLine(TherapyCase therapyCase, ManufacturingReport latest, LocalDate plannedRelease,
            LocalDate firstExpectedRelease, LocalDate latestExpectedRelease, Long slippageDays, ProductLot lot) {
    }

    /**
     * Every case of the actor's centre from booking to release, with its latest status and how far the
     * expected release has slipped against the booked plan (or, without a plan, against the first date the
     * manufacturer gave).
     */
    @Transactional(readOnly = true)
    public List<OverviewLine> overview(Actor actor) {
        List<OverviewLine> lines = new ArrayList<>();
        for (TherapyCase c : journey.casesAtCentre(actor, EnumSet.of(Stage.SLOT_BOOKED, Stage.COLLECTED,
                Stage.IN_MANUFACTURING, Stage.RELEASED))) {
            List<ManufacturingReport> reports = store.reports(c.id());
            List<LocalDate> expected = reports.stream().map(ManufacturingReport::expectedReleaseOn)
                    .filter(java.util.Objects::nonNull).toList();
            LocalDate first = expected.isEmpty() ? null : expected.get(0);
            LocalDate latest = expected.isEmpty() ? null : expected.get(expected.size() - 1);
            LocalDate planned = bookings.activeBooking(actor, c.id())
                    .flatMap(booking -> bookings.plan(actor, booking.id()).step(PlanStep.RELEASE))
                    .map(PlannedStep::plannedOn).orElse(null);
            LocalDate baseline = planned != null ? planned : first;
            List<ProductLot> lots = store.lots(c.id());
            lines.add(new OverviewLine(c, reports.isEmpty() ? null : reports.get(reports.size() - 1), planned, first,
                    latest, baseline == null || latest == null ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(baseline, latest),
                    lots.isEmpty() ? null : lots.get(lots.size() - 1)));
        }
        return lines;
    }

    /**
     * Failed manufactures by reason, for the outcomes reports (ADR 0012), every reason present (0 when none): a
     * treatment centre counts its own cases, a manufacturer its own reports, a commissioner or registry all of them.
     * Anyone else gets 403.
     */
    @Transactional(readOnly = true)
    public Map<FailureReason, Long> failuresByReason(Actor actor) {
        List<Object[]> rows = switch (actor.organisationKind() == null ? OrganisationKind.REFERRING_HOSPITAL
                : actor.organisationKind()) {
            case TREATMENT_CENTRE -> store.failuresByReasonForCases(journey.casesAtCentre(actor,
                    EnumSet.allOf(Stage.class)).stream().map(c -> c.id().value()).toList());
            case MANUFACTURER -> store.failuresByReasonReportedBy(actor.organisationId().value());
            case COMMISSIONER -> store.failuresByReason();
            default -> throw ProblemException.forbidden("Manufacturing failures are counted for treatment centres,"
                    + " manufacturers and commissioners");
        };
        Map<FailureReason, Long> counts = new java.util.EnumMap<>(FailureReason.class);
        for (FailureReason reason : FailureReason.values()) {
            counts.put(reason, 0L);
        }
        rows.forEach(row -> counts.put((FailureReason) row[0], (Long) row[1]));
        return counts;
    }

    // --- rules ---------------------------------------------------------------------------------------

    /**
     * The case's manufacturer (its operators or system token), or a coordinator mirroring its portal. The case's
     * manufacturer is the one holding its active booking (ADR 18): any other manufacturer gets 404 and the refusal is
     * audited, even one that made an earlier attempt (its reports and lots stay on record).
     */
    private TherapyCase requireReporter(Actor actor, CaseId caseId, String action) {
        booked.requireCurrentManufacturer(actor, caseId, action);
        CaseView view = journey.get(actor, caseId);
        boolean manufacturer = actor.organisationKind() == OrganisationKind.MANUFACTURER
                && actor.hasRole(Role.MANUFACTURER_OPERATOR);
        boolean mirroringCoordinator = actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasRole(Role.COORDINATOR) && actor.organisationId().equals(view.therapyCase().treatingCentre());
        if (!manufacturer && !mirroringCoordinator) {
            throw ProblemException.forbidden("Only the case's manufacturer, or a coordinator of the treating centre "
                    + "mirroring the manufacturer's portal, reports manufacturing");
        }
        return view.therapyCase();
    }

    private CaseView requireCentre(Actor actor, CaseId caseId, Role... roles) {
        CaseView view = journey.get(actor, caseId);
        if (!view.identityVisible() || !actor.organisationId().equals(view.therapyCase().treatingCentre())) {
            throw ProblemException.forbidden("Only the treating centre does this");
        }
        if (!actor.hasAnyRole(roles)) {
            throw ProblemException.forbidden("Your role does not allow this");
        }
        return view;
    }

    /**
     * The COI printed on the certificate must be the one allocated to the case (docs/clinical/isbt128.md: a mismatch is a
     * hard stop). A case without an allocated COI, or a certificate without one, has nothing to compare.
     */
    private void requireCaseChainOfIdentity(Actor actor, TherapyCase therapyCase, CertificateOfAnalysis certificate) {
        if (certificate.chainOfIdentity() == null || certificate.chainOfIdentity().isBlank()) {
            return;
        }
        ChainOfIdentityId printed = ChainOfIdentityId.parse(certificate.chainOfIdentity().trim());
        Optional<ChainOfIdentityId> allocated = chainOfIdentity.find(actor, therapyCase.id());
        if (allocated.isEmpty() || allocated.get().equals(printed)) {
            return;
        }
        String detail = "STOP: the certificate of lot " + certificate.lotNumber().trim() + " names chain of identity "
                + printed.eyeReadable() + ", but case " + therapyCase.reference() + " is " + allocated.get().eyeReadable()
                + ": this lot is not this patient's product";
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("lotNumber", certificate.lotNumber().trim());
        attempt.put("certificateChainOfIdentity", printed.content());
        attempt.put("caseChainOfIdentity", allocated.get().content());
        audit.recordIndependently(actor, "PRODUCT_LOT_RELEASE_REFUSED", "TherapyCase", therapyCase.id().toString(),
                attempt, "the certificate's chain of identity is not the case's");
        throw new ProblemException("lot-coi-mismatch", 422, "The request breaks a rule", detail,
                List.of(new FieldProblem("chainOfIdentity", "is not the chain of identity of case " + therapyCase.reference())),
                Map.of("expectedChainOfIdentity", allocated.get().eyeReadable()));
    }

    private static boolean mirrored(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE;
    }

    private static void requireStage(TherapyCase therapyCase, Stage stage) {
        if (therapyCase.stage() != stage) {
            throw new ProblemException("illegal-transition", 409, "Not possible at this stage", "Case "
                    + therapyCase.reference() + " is at stage '" + therapyCase.stage().label() + "'; this needs '"
                    + stage.label() + "'", List.of(), Map.of("currentStage", therapyCase.stage().name()));
        }
    }

    private int currentAttempt(CaseId caseId) {
        return 1 + (int) store.reports(caseId).stream().filter(r -> r.status() == ManufacturingStatus.FAILED).count();
    }

    private ProductLot latestLot(CaseId caseId) {
        List<ProductLot> lots = store.lots(caseId);
        if (lots.isEmpty()) {
            throw ProblemException.unprocessable("no-product-lot", "The manufacturer has not released a lot for this case");
        }
        return lots.get(lots.size() - 1);
    }

    private ProductLot lot(CaseId caseId, UUID lotId) {
        return store.lots(caseId).stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
    }

    private Optional<LabelVersion> labelVersion(TherapyCase therapyCase) {
        if (therapyCase.labelVersionId() != null) {
            return catalogue.labelVersion(therapyCase.labelVersionId());
        }
        try {
            return catalogue.currentLabelVersion(ProductCode.valueOf(therapyCase.productCode()),
                    Jurisdiction.valueOf(therapyCase.jurisdiction()));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }

    private static Indication indication(TherapyCase therapyCase) {
        try {
            return therapyCase.indication() == null ? null : Indication.valueOf(therapyCase.indication());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private void requireFutureOrToday(LocalDate date) {
        if (date != null && date.isBefore(journey.today())) {
            throw ProblemException.invalid("expectedReleaseOn", "must be today or later");
        }
    }

    /** The certificate's fields, each refused with its own message (nothing is stored on any error). */
    static void validate(CertificateOfAnalysis c) {
        if (c == null) {
            throw ProblemException.invalid("certificate", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (c.lotNumber() == null || c.lotNumber().isBlank() || c.lotNumber().trim().length() > 64) {
            problems.add(new FieldProblem("lotNumber", "give the lot or batch number (up to 64 characters)"));
        }
        if (c.chainOfIdentity() != null && !c.chainOfIdentity().isBlank()) {
            try {
                ChainOfIdentityId.parse(c.chainOfIdentity().trim());
            } catch (InvalidIdentifierException e) {
                problems.add(new FieldProblem("chainOfIdentity", e.getMessage()));
            }
        }
        positive(problems, "doseCells", c.doseCells(), true);
        positive(problems, "cd8Cells", c.cd8Cells(), false);
        positive(problems, "cd4Cells", c.cd4Cells(), false);
        if (c.viabilityPercent() == null || c.viabilityPercent().signum() < 0
                || c.viabilityPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("viabilityPercent", "must be from 0 to 100"));
        }
        positive(problems, "volumeMl", c.volumeMl(), true);
        if (c.bags() == null || c.bags() < 1 || c.bags() > 20) {
            problems.add(new FieldProblem("bags", "must be from 1 to 20"));
        }
        if (c.expiresOn() == null) {
            problems.add(new FieldProblem("expiresOn", "is required"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static void positive(List<FieldProblem> problems, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
        } else if (value.signum() <= 0) {
            problems.add(new FieldProblem(field, "must be more than 0"));
        }
    }

    private static CertificateOfAnalysis normalised(CertificateOfAnalysis c) {
        return new CertificateOfAnalysis(c.lotNumber().trim(), c.chainOfIdentity() == null || c.chainOfIdentity().isBlank()
                ? null : c.chainOfIdentity().trim(), c.doseCells(), c.cd8Cells(), c.cd4Cells(), c.viabilityPercent(),
                c.volumeMl(), c.bags(), c.expiresOn());
    }

    private static String requireReason(String reason) {
        String why = trimmed(reason);
        if (why == null) {
            throw ProblemException.invalid("reason", "give the reason");
        }
        return why;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String summary(ManufacturingReport report) {
        StringBuilder text = new StringBuilder(report.status().label());
        if (report.failureReason() != null) {
            text.append(": ").append(report.failureReason().name().toLowerCase().replace('_', ' '));
        }
        if (report.reason() != null) {
            text.append(" (").append(report.reason()).append(")");
        }
        if (report.expectedReleaseOn() != null) {
            text.append("; expected release ").append(report.expectedReleaseOn());
        }
        if (report.mirrored()) {
            text.append(" [mirrored from the manufacturer's portal]");
        }
        return text.toString();
    }

    private static Map<String, Object> auditView(ManufacturingReport r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", r.status().name());
        view.put("attempt", r.attempt());
        view.put("failureReason", r.failureReason() == null ? null : r.failureReason().name());
        view.put("resolution", r.resolution() == null ? null : r.resolution().name());
        view.put("expectedReleaseOn", r.expectedReleaseOn() == null ? null : r.expectedReleaseOn().toString());
        view.put("mirrored", r.mirrored());
        return view;
    }
}
