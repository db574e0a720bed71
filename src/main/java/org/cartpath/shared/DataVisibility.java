package org.cartpath.shared;

import java.util.Collection;

/**
 * The one rule for what an actor may see of a record that belongs to organisations (docs/architecture.md,
 * "One request"). Every module asks this rule; none writes its own.
 *
 * <p>Deny by default: an actor sees a record only if their organisation is one of the record's parties
 * (the organisation that owns it, the one that referred it, the treating centre, the manufacturer…).
 * Manufacturers and couriers see it pseudonymised: the chain-of-identity identifier, product and dates,
 * never the patient's name, NHS number, date of birth or address. The operator's administrators see
 * administrative records of every organisation but gain no clinical access by it.
 */
public final class DataVisibility {

    public enum Level {
        /** The record does not exist for this actor: answer 404, never 403, so ids leak nothing. */
        NONE,
        /** Identifiers of the cells, product and dates; no patient identity. */
        PSEUDONYMISED,
        FULL
    }

    private DataVisibility() {
    }

    /** Visibility of a clinical record whose parties are the given organisations. */
    public static Level ofClinicalRecord(Actor actor, Collection<OrganisationId> parties) {
        if (actor != null && actor.type() == Actor.ActorType.INTERNAL) {
            return Level.FULL; // cartpath's own jobs and set-up; never the actor of a request
        }
        if (actor == null || actor.organisationId() == null || !parties.contains(actor.organisationId())) {
            return Level.NONE;
        }
        return actor.organisationKind().seesPatientIdentity() ? Level.FULL : Level.PSEUDONYMISED;
    }

    /** Visibility of an administrative record (users, tokens, organisation settings) owned by one organisation. */
    public static Level ofAdministrativeRecord(Actor actor, OrganisationId owner) {
        if (actor == null) {
            return Level.NONE;
        }
        if (actor.type() == Actor.ActorType.INTERNAL) {
            return Level.FULL;
        }
        if (actor.operator() && actor.hasRole(Role.ADMINISTRATOR)) {
            return Level.FULL;
        }
        return owner != null && owner.equals(actor.organisationId()) ? Level.FULL : Level.NONE;
    }

    /**
     * The organisation an administrative query must be restricted to, or {@code null} when the actor may
     * see every organisation's administrative records. Queries pass this to their WHERE clause.
     */
    public static OrganisationId administrativeScope(Actor actor) {
        if (actor.type() == Actor.ActorType.INTERNAL || (actor.operator() && actor.hasRole(Role.ADMINISTRATOR))) {
            return null;
        }
        return actor.organisationId();
    }

    /**
     * The treating centre whose cases an analyst's figures count, or {@code null} for every centre. A treatment
     * centre's analysts count their own centre's cases; a commissioner's (or registry's) analysts count every centre's,
     * as aggregate figures only, never a case reference, a patient or any row behind a figure. Anyone else: 403.
     */
    public static OrganisationId figuresScope(Actor actor) {
        if (actor == null || !actor.hasRole(Role.ANALYST) || actor.organisationId() == null
                || actor.organisationKind() == null) {
            throw ProblemException.forbidden("Service figures are for analysts");
        }
        return switch (actor.organisationKind()) {
            case TREATMENT_CENTRE -> actor.organisationId();
            case COMMISSIONER -> null;
            default -> throw ProblemException.forbidden("Service figures are for the analysts of a treatment centre or a "
                    + "commissioner");
        };
    }

    /**
     * The organisation whose audit rows an administrator or auditor may read, or {@code null} for all:
     * the operator's administrators and auditors oversee the whole installation.
     */
    public static OrganisationId auditScope(Actor actor) {
        if (actor.type() == Actor.ActorType.INTERNAL
                || (actor.operator() && actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR))) {
            return null;
        }
        return actor.organisationId();
    }
}
