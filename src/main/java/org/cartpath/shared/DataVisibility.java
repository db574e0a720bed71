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
     * The rows of clinical records (cases, patients and what hangs off them) a query may list for the actor: their own
     * organisation's, pseudonymised unless the organisation sees patient identity; every organisation's for cartpath's
     * own jobs; none for an actor without an organisation. Which rows an organisation reaches is the query's relation
     * to them ({@link DataScope#owns} for an owner column, {@link DataScope#reachesCase} for a case's parties).
     */
    public static DataScope clinicalScope(Actor actor) {
        if (actor != null && actor.type() == Actor.ActorType.INTERNAL) {
            return DataScope.everyOrganisation(true);
        }
        if (actor == null || actor.organisationId() == null || actor.organisationKind() == null) {
            return DataScope.nothing();
        }
        return DataScope.of(actor.organisationId(), actor.organisationKind().seesPatientIdentity());
    }

    /**
     * The rows of administrative records (users, tokens, organisation settings) a query may list for the actor: every
     * organisation's for cartpath's own jobs and the operator's administrators, otherwise their own organisation's.
     */
    public static DataScope administrativeScope(Actor actor) {
        if (actor.type() == Actor.ActorType.INTERNAL || (actor.operator() && actor.hasRole(Role.ADMINISTRATOR))) {
            return DataScope.everyOrganisation(false);
        }
        return actor.organisationId() == null ? DataScope.nothing() : DataScope.of(actor.organisationId(), false);
    }

    /**
     * The cases an analyst's figures count. A treatment centre's analysts count their own centre's cases; a
     * commissioner's (or registry's) analysts count every centre's, as aggregate figures only, never a case reference,
     * a patient or any row behind a figure. Anyone else: 403.
     */
    public static DataScope figuresScope(Actor actor) {
        if (actor == null || !actor.hasRole(Role.ANALYST) || actor.organisationId() == null
                || actor.organisationKind() == null) {
            throw ProblemException.forbidden("Service figures are for analysts");
        }
        return switch (actor.organisationKind()) {
            case TREATMENT_CENTRE -> DataScope.of(actor.organisationId(), false);
            case COMMISSIONER -> DataScope.everyOrganisation(false);
            default -> throw ProblemException.forbidden("Service figures are for the analysts of a treatment centre or a "
                    + "commissioner");
        };
    }

    /**
     * The patients a registry or commissioning export holds (ADR 0026): a treatment centre's data manager exports their
     * own centre's patients, identifiable where the specification asks for identity; a commissioner's analysts export
     * every centre's, pseudonymised. Anyone else: 403.
     */
    public static DataScope exportScope(Actor actor) {
        if (!mayExport(actor)) {
            throw ProblemException.forbidden("Registry and commissioning exports are for a treatment centre's data "
                    + "managers and the commissioner's analysts");
        }
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE ? DataScope.of(actor.organisationId(), true)
                : DataScope.everyOrganisation(false);
    }

    /** Whether {@link #exportScope} admits the actor (for the navigation and pages that offer exports). */
    public static boolean mayExport(Actor actor) {
        if (actor == null || actor.organisationId() == null || actor.organisationKind() == null) {
            return false;
        }
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE && actor.hasRole(Role.DATA_MANAGER)
                || actor.organisationKind() == OrganisationKind.COMMISSIONER && actor.hasRole(Role.ANALYST);
    }

    /**
     * The cases an aggregate count covers (counts by reason or grade, never a row): a commissioner's or registry's
     * staff count every centre's; a treatment centre or a manufacturer counts the cases it is a party to by its own
     * relation (the centre treats them, the manufacturer reported on them). Anyone else: 403 naming {@code what}.
     */
    public static DataScope aggregateScope(Actor actor, String what) {
        OrganisationKind kind = actor == null ? null : actor.organisationKind();
        if (kind == OrganisationKind.COMMISSIONER) {
            return DataScope.everyOrganisation(false);
        }
        if (actor.organisationId() != null
                && (kind == OrganisationKind.TREATMENT_CENTRE || kind == OrganisationKind.MANUFACTURER)) {
            return DataScope.of(actor.organisationId(), false);
        }
        throw ProblemException.forbidden(what + " are counted for treatment centres, manufacturers and commissioners");
    }

    /**
     * The audit rows an administrator or auditor may read: the operator's administrators and auditors oversee the whole
     * installation; anyone else sees their own organisation's.
     */
    public static DataScope auditScope(Actor actor) {
        if (actor.type() == Actor.ActorType.INTERNAL
                || (actor.operator() && actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR))) {
            return DataScope.everyOrganisation(true);
        }
        return actor.organisationId() == null ? DataScope.nothing() : DataScope.of(actor.organisationId(), true);
    }
}
