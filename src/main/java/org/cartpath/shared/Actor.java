package org.cartpath.shared;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting: a signed-in person or a system client using an API token, always on behalf of exactly
 * one organisation. Every state change and every scoped read is made by an actor.
 *
 * @param id           the user's id, or the API token's id for a system client
 * @param displayName  the printed name shown in audit trails and signatures
 * @param organisation the organisation the actor belongs to
 * @param operator     whether that organisation operates this cartpath installation (its administrators
 *                     manage every organisation)
 */
public record Actor(
        String id,
        ActorType type,
        String username,
        String displayName,
        OrganisationId organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        boolean operator,
        Set<Role> roles) implements Serializable {

    public enum ActorType { PERSON, SYSTEM, INTERNAL }

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** cartpath itself, e.g. seeding demo data or a scheduled job. Never used for a request. */
    public static Actor system(String what) {
        return new Actor("system:" + what, ActorType.INTERNAL, "system", "cartpath (" + what + ")",
                null, null, null, true, Set.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPerson() {
        return type == ActorType.PERSON;
    }
}
