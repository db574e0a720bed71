package org.cartpath.manufacturing;

import static org.cartpath.manufacturing.ManufacturingAccess.LOT;
import static org.cartpath.manufacturing.ManufacturingAccess.mirrored;
import static org.cartpath.manufacturing.ManufacturingAccess.requireStage;
import static org.cartpath.manufacturing.ManufacturingAccess.trimmed;

import java.math.BigDecimal;
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
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lot from the manufacturer's release to the centre's acceptance (ADR 0012).
 *
 * <ul>
 *   <li>A release carries the certificate of analysis and moves the case to RELEASED; a certificate naming another
 *       case's chain of identity is refused.</li>
 *   <li>The centre checks the lot against the label the case was assessed under and the patient's weight
 *       at collection; a failed check makes the lot out of specification.</li>
 *   <li>Centre QA accepts a lot with an e-signature. An out-of-specification lot needs first the
 *       consultant's signed decision naming the exceptional route ({@link OutOfSpecificationRoutes}), then QA's
 *       acceptance as the second signature, by a different person.</li>
 * </ul>
 */
@Service
public class LotReleases {

    private final ManufacturingAccess access;
    private final ManufacturingStore store;
    private final CaseJourney journey;
    private final Catalogue catalogue;
    private final PatientManagement patients;
    private final ElectronicSignatures signatures;
    private final ChainOfIdentity chainOfIdentity;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    LotReleases(ManufacturingAccess access, ManufacturingStore store, CaseJourney journey, Catalogue catalogue,
            PatientManagement patients, ElectronicSignatures signatures, ChainOfIdentity chainOfIdentity,
            AuditTrail audit, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.access = access;
        this.store = store;
        this.journey = journey;
        this.catalogue = catalogue;
        this.patients = patients;
        this.signatures = signatures;
        this.chainOfIdentity = chainOfIdentity;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
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
        TherapyCase therapyCase = access.requireReporter(actor, caseId, "RELEASE");
        validate(certificate);
        requireStage(therapyCase, Stage.IN_MANUFACTURING);
        requireCaseChainOfIdentity(actor, therapyCase, certificate);
        if (store.lotNumberUsed(caseId, certificate.lotNumber().trim())) {
            throw ProblemException.conflict("duplicate-lot", "Lot " + certificate.lotNumber().trim()
                    + " was already reported for case " + therapyCase.reference());
        }
        Instant now = Instant.now(clock);
        int attempt = access.currentAttempt(caseId);
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
        audit.record(actor, "PRODUCT_LOT_RELEASED", LOT, lotId.toString(), null, after, oos);
        return access.lot(caseId, lotId);
    }

    /**
     * The centre checks the latest lot against the label the case was assessed under, with the patient's
     * weight on record at collection. The result is stored as it was shown; a failure makes the lot out of
     * specification.
     */
    @Transactional
    public ProductLot check(Actor actor, CaseId caseId) {
        CaseView view = access.requireCentre(actor, caseId, Role.QA, Role.COORDINATOR, Role.CONSULTANT,
                Role.CELL_THERAPY_LAB);
        ProductLot lot = access.latestLot(caseId);
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
        audit.record(actor, "PRODUCT_LOT_CHECKED", LOT, lot.id().toString(), null,
                Map.of("result", result.name(), "checks", checks), null);
        return access.lot(caseId, lot.id());
    }

    /**
     * Centre QA accepts the lot with an e-signature. A lot must have been checked; an out-of-specification
     * lot needs the consultant's decision first and a different person's acceptance; a check that could not
     * decide everything needs QA's reason.
     */
    @Transactional
    public ProductLot accept(Actor actor, CaseId caseId, String password, String reason) {
        access.requireCentre(actor, caseId, Role.QA);
        ProductLot lot = access.latestLot(caseId);
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
                new SignedRecord(LOT, lot.id().toString(), Map.of("lot", lot.certificate(), "check",
                        assessment.result().name())), why);
        store.insertDecision(lot.id(), LotDecision.Kind.QA_ACCEPTANCE, null, why, signature.id(),
                UUID.fromString(actor.id()), Instant.now(clock));
        journey.closeOpenTasks(actor, caseId, StageTasks.QA_ACCEPTANCE);
        journey.note(actor, caseId, "PRODUCT_LOT_ACCEPTED", "Lot " + lot.certificate().lotNumber() + " accepted by QA"
                + (lot.outOfSpecification() ? " (out of specification, second signature)" : ""));
        audit.record(actor, "PRODUCT_LOT_ACCEPTED", LOT, lot.id().toString(), null,
                Map.of("signatureId", signature.id().toString(), "outOfSpecification", lot.outOfSpecification()), why);
        return access.lot(caseId, lot.id());
    }

    /** Whether the case's latest lot has been accepted by the centre's QA (the treatment module's check). */
    @Transactional(readOnly = true)
    public boolean latestLotAccepted(Actor actor, CaseId caseId) {
        journey.get(actor, caseId);
        List<ProductLot> lots = store.lots(caseId);
        return !lots.isEmpty() && lots.get(lots.size() - 1).accepted();
    }

    // --- rules ---------------------------------------------------------------------------------------

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

}
