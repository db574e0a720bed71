package org.cartpath.journey;

import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.Role;

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

    /**
     * Whether the actor is staff of the case's treating centre and sees the case in full: the one test behind every
     * module's "the treating centre's own staff" rule (custody, scheduling, treatment, monitoring).
     */
    public boolean isTreatingCentre(Actor actor) {
        return identityVisible() && therapyCase.treatedBy(actor);
    }

    /** {@link #isTreatingCentre(Actor)} in one of the roles. */
    public boolean isTreatingCentre(Actor actor, Role... roles) {
        return isTreatingCentre(actor) && actor.hasAnyRole(roles);
    }
}
