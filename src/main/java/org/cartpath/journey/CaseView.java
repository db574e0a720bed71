package org.cartpath.journey;

import org.cartpath.shared.DataVisibility;

/**
 * A case as one actor may see it. With {@link DataVisibility.Level#PSEUDONYMISED} (manufacturers,
 * couriers) the patient id is withheld: they know the case by its reference and, later, its
 * chain-of-identity identifier.
 */
public record CaseView(TherapyCase therapyCase, DataVisibility.Level visibility) {

    public boolean identityVisible() {
        return visibility == DataVisibility.Level.FULL;
    }

    public TherapyCase visibleCase() {
        TherapyCase c = therapyCase;
        return identityVisible() ? c : new TherapyCase(c.id(), c.reference(), null, c.referringOrganisation(),
                c.treatingCentre(), c.productCode(), c.indication(), c.jurisdiction(), c.labelVersionId(), c.stage(),
                c.version(), c.openedAt(), c.stageChangedAt());
    }
}
