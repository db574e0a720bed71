package org.cartpath.custody.shipment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shipments, for the parties of their case (404 for anyone else). */
@Service
public class Shipments {

    private final ShipmentStore store;
    private final CaseAccess access;

    Shipments(ShipmentStore store, CaseAccess access) {
        this.store = store;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Shipment find(Actor actor, UUID id) {
        Shipment shipment = store.find(id).orElseThrow(() -> new NotFoundException("shipment", id));
        try {
            access.view(actor, shipment.caseId());
        } catch (NotFoundException e) {
            throw new NotFoundException("shipment", id);
        }
        return shipment;
    }

    @Transactional(readOnly = true)
    public List<Shipment> ofCase(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return store.ofCase(caseId);
    }

    /**
     * The shipment a data logger's readings belong to: the latest with this shipper id that the actor's
     * organisation takes part in. 404 {@code unknown-shipper} when there is none.
     */
    @Transactional(readOnly = true)
    public Shipment byShipperId(Actor actor, String shipperId) {
        Optional<Shipment> found = store.byShipperId(shipperId).stream()
                .filter(s -> actor.organisationId() != null && s.involves(actor.organisationId()))
                .findFirst();
        return found.orElseThrow(() -> new ProblemException("unknown-shipper", 404, "Not found",
                "No shipment with shipper id " + shipperId + " that your organisation takes part in"));
    }
}
