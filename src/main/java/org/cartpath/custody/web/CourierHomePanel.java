package org.cartpath.custody.web;

import java.util.List;
import java.util.Map;
import org.cartpath.custody.shipment.CourierQueue;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** The courier's home page: the shipments it must collect and those on their way, earliest departure first. */
@Component
class CourierHomePanel implements HomePanelContributor {

    private final CourierQueue queue;

    CourierHomePanel(CourierQueue queue) {
        this.queue = queue;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.COURIER) || actor.organisationKind() != OrganisationKind.COURIER) {
            return List.of();
        }
        return List.of(new HomePanel(Role.COURIER, "Shipments", "custody/courier-home", "legs",
                Map.of("legs", queue.legsToCarry(actor))));
    }
}
