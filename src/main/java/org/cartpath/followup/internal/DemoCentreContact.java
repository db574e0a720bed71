package org.cartpath.followup.internal;

import java.util.Set;
import org.cartpath.followup.DischargeDocuments;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo treatment centre's 24-hour contact, so that its alert cards print (a made-up number, not GOSH's). */
@Component
class DemoCentreContact {

    private final DischargeDocuments documents;

    DemoCentreContact(DischargeDocuments documents) {
        this.documents = documents;
    }

    @EventListener
    void seed(DemoDataReady ready) {
        OrganisationId gosh = ready.organisations().get("gosh");
        if (gosh == null) {
            return;
        }
        Actor demo = new Actor("system:demo", Actor.ActorType.INTERNAL, "system", "cartpath (demo)", gosh, null,
                OrganisationKind.TREATMENT_CENTRE, false, Set.of());
        if (documents.centreContact(demo).isEmpty()) {
            documents.setCentreContact(demo, "CAR-T team on call (24 hours, demo)", "020 7946 0999");
        }
    }
}
