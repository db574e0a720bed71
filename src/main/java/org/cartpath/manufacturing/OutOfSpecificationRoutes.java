package org.cartpath.manufacturing;

import static org.cartpath.manufacturing.ManufacturingAccess.LOT;
import static org.cartpath.manufacturing.ManufacturingAccess.requireStage;
import static org.cartpath.manufacturing.ManufacturingAccess.trimmed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.manufacturing.ManufacturingReports.StatusReport;
import org.cartpath.manufacturing.internal.ManufacturingStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows when manufacturing does not give a lot within specification (ADR 0012): after a failed manufacture,
 * new cells are collected (the case goes back to booking) or the manufacturer makes another attempt; an
 * out-of-specification lot may still be given by an exceptional route, which the treating consultant decides with
 * a signed decision before QA's acceptance ({@link LotReleases#accept}) as the second signature.
 */
@Service
public class OutOfSpecificationRoutes {

    private final ManufacturingAccess access;
    private final ManufacturingStore store;
    private final CaseJourney journey;
    private final ElectronicSignatures signatures;
    private final AuditTrail audit;
    private final Clock clock;

    OutOfSpecificationRoutes(ManufacturingAccess access, ManufacturingStore store, CaseJourney journey,
            ElectronicSignatures signatures, AuditTrail audit, Clock clock) {
        this.access = access;
        this.store = store;
        this.journey = journey;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The treating consultant decides to give an out-of-specification lot by an exceptional route, signed
     * (docs/clinical/dosing.md: record reason and route).
     */
    @Transactional
    public ProductLot decideOutOfSpecification(Actor actor, CaseId caseId, ExceptionalRoute route, String reason,
            String password) {
        access.requireCentre(actor, caseId, Role.CONSULTANT);
        ProductLot lot = access.latestLot(caseId);
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
                new SignedRecord(LOT, lot.id().toString(), Map.of("lot", lot.certificate(), "route", route.name(),
                        "reason", why)), why);
        store.insertDecision(lot.id(), LotDecision.Kind.OUT_OF_SPECIFICATION_DECISION, route, why, signature.id(),
                UUID.fromString(actor.id()), Instant.now(clock));
        journey.note(actor, caseId, "OUT_OF_SPECIFICATION_DECIDED", "Out-of-specification lot "
                + lot.certificate().lotNumber() + " to be given by " + route.label() + ": " + why);
        audit.record(actor, "OUT_OF_SPECIFICATION_DECIDED", LOT, lot.id().toString(), null,
                Map.of("route", route.name(), "signatureId", signature.id().toString()), why);
        return access.lot(caseId, lot.id());
    }

    /** A failed manufacture's report must say why it failed and which route follows (nothing is stored otherwise). */
    void requireFailureRoute(StatusReport command) {
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

    /**
     * Takes the route a failed manufacture's report names: a re-collection sends the case back to booking with the
     * coordinator's task to book new cells; a re-manufacture keeps the case in manufacturing for the next attempt.
     */
    void followFailure(Actor actor, CaseId caseId, TherapyCase therapyCase, FailureResolution resolution, int attempt,
            String summary) {
        requireStage(therapyCase, Stage.IN_MANUFACTURING);
        if (resolution == FailureResolution.RE_COLLECTION) {
            journey.advance(actor, caseId, Stage.SLOT_BOOKED, summary + "; new cells must be collected");
            journey.openTask(actor, caseId, StageTasks.RECOLLECTION_BOOKING, Role.COORDINATOR,
                    journey.today().plusDays(2));
        } else {
            journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary + "; the manufacturer makes attempt "
                    + (attempt + 1));
        }
    }

    private static String requireReason(String reason) {
        String why = trimmed(reason);
        if (why == null) {
            throw ProblemException.invalid("reason", "give the reason");
        }
        return why;
    }
}
