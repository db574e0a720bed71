package org.cartpath.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocates the Chain of Identity identifier of a case (docs/clinical/isbt128.md): one per case, unique, never reused,
 * numbered per FIN and year, the FIN being the treating centre's ICCBBA registration (a setting of the
 * organisation). Allocation happens on first need — a label printed, a collection registered — or at booking,
 * when the scheduling module calls {@link #allocate}; a second call returns the same COI.
 */
@Service
public class ChainOfIdentity {

    /** Who allocates: the coordinator at booking, the apheresis nurse or laboratory at the first label. */
    private static final Role[] ALLOCATORS = {Role.COORDINATOR, Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB};

    private final IdentifierStore store;
    private final CaseAccess access;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ChainOfIdentity(IdentifierStore store, CaseAccess access, CaseJourney journey, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.access = access;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * The case's COI, allocated now if it has none. For the treating centre's coordinators, apheresis nurses and
     * cell-therapy laboratory staff (403 for other parties and roles, 404 for anyone else); refused for a case that has ended (409 {@code case-closed}) or a centre without a
     * FIN (422 {@code no-fin}). Idempotent: concurrent and repeated calls return the same COI.
     */
    @Transactional
    public ChainOfIdentityId allocate(Actor actor, CaseId caseId) {
        CaseView view = access.centreStaff(actor, caseId, ALLOCATORS);
        access.lock(caseId);
        Optional<ChainOfIdentityId> existing = store.coi(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!view.therapyCase().isOpen()) {
            throw ProblemException.conflict("case-closed", "Case " + view.therapyCase().reference() + " has ended ("
                    + view.therapyCase().stage().label() + "); no identifier is allocated for it");
        }
        Organisation centre = access.find(view.therapyCase().treatingCentre())
                .orElseThrow(() -> ProblemException.unprocessable("no-fin", "The treating centre is not active"));
        if (centre.fin() == null) {
            throw ProblemException.unprocessable("no-fin", centre.name()
                    + " has no ISBT 128 Facility Identification Number; an administrator enters the FIN ICCBBA registered");
        }
        Instant now = Instant.now(clock);
        Year year = Year.now(clock.withZone(zone));
        int serial = store.next("COI", centre.fin(), year.getValue() % 100);
        ChainOfIdentityId coi = ChainOfIdentityId.of(centre.fin(), year, String.format("%06d", serial));
        store.insert(caseId, coi, now, actor.displayName());
        journey.note(actor, caseId, "COI_ALLOCATED", "Chain of identity identifier " + coi.eyeReadable() + " allocated");
        audit.record(actor, "CHAIN_OF_IDENTITY_ALLOCATED", "TherapyCase", caseId.toString(), null,
                Map.of("coi", coi.content(), "fin", coi.fin()), null);
        return coi;
    }

    /** The case's COI if one was allocated, for any party of the case (404 for anyone else). */
    @Transactional(readOnly = true)
    public Optional<ChainOfIdentityId> find(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return store.coi(caseId);
    }
}
