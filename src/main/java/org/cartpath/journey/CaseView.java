package org.cartpath.journey;

import java.util.Collection;
import java.util.stream.Collectors;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
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

    /** {@link #isTreatingCentre(Actor)} in one of the roles. */
    public boolean isTreatingCentre(Actor actor, Collection<Role> roles) {
        return isTreatingCentre(actor) && roles.stream().anyMatch(actor::hasRole);
    }

    /**
     * This case, for the treating centre's own staff in one of {@code roles}: the one implementation behind the modules'
     * access rules (monitoring, treatment, follow-up). Anyone outside the centre gets 404, as for a case that does not
     * exist (ADR 0019); the centre's other staff get 403 naming the roles and {@code what} they may do.
     */
    public CaseView requireCentreStaff(Actor actor, Collection<Role> roles, String what) {
        if (!isTreatingCentre(actor)) {
            throw new NotFoundException("case", therapyCase.id());
        }
        if (roles.stream().noneMatch(actor::hasRole)) {
            throw onlyRoles(roles, what);
        }
        return this;
    }

    /** 403 naming the roles of the treating centre that may do {@code what}, in the same words in every module. */
    public static ProblemException onlyRoles(Collection<Role> roles, String what) {
        return ProblemException.forbidden("Only " + roles.stream().sorted().map(Role::label)
                .collect(Collectors.joining(", ")) + " of the treating centre may " + what);
    }
}
