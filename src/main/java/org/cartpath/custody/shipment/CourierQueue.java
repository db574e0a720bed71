package org.cartpath.custody.shipment;

import java.util.List;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A courier's work: the legs of shipments it carries that have not arrived yet, the earliest departure first, to
 * collect ("to collect") or on the way ("in transit"). Shipper ids and places only: a courier never sees a patient.
 */
@Service
public class CourierQueue {

    /** How many legs the queue shows. */
    public static final int SHOWN = 20;

    private final ShipmentStore store;

    CourierQueue(ShipmentStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public List<ShipmentStore.LegToCarry> legsToCarry(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.COURIER || actor.organisationId() == null) {
            throw ProblemException.forbidden("Only couriers carry shipments");
        }
        return store.legsToCarry(DataVisibility.clinicalScope(actor), SHOWN);
    }
}
