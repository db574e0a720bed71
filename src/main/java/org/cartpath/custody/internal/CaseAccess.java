package org.cartpath.custody.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.custody.chain.Party;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.PublishedData;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a case's custody. Seeing a case is the journey's answer (404 for organisations that are
 * not parties, pseudonymised for manufacturers and couriers); acting for the treating centre needs the centre's
 * own staff in one of the roles the step names (403 otherwise).
 */
@Component("custodyCaseAccess")
public class CaseAccess {

    private final CaseJourney journey;
    private final OrganisationManagement organisations;
    private final JdbcClient jdbc;

    CaseAccess(CaseJourney journey, OrganisationManagement organisations, JdbcClient jdbc) {
        this.journey = journey;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /** The case as the actor may see it; 404 when the actor's organisation is not a party. */
    public CaseView view(Actor actor, CaseId caseId) {
        return journey.get(actor, caseId);
    }

    /** Whether the actor's organisation is a party that sees the case (asked first: no refusal to catch). */
    public boolean sees(Actor actor, CaseId caseId) {
        return journey.find(actor, caseId).isPresent();
    }

    /** The case, for the treating centre's own staff holding one of {@code roles}. */
    public CaseView centreStaff(Actor actor, CaseId caseId, Role... roles) {
        CaseView view = journey.get(actor, caseId);
        if (!isCentre(actor, view)) {
            throw ProblemException.forbidden("Only the treating centre's staff do this");
        }
        if (roles.length > 0 && !actor.hasAnyRole(roles)) {
            throw ProblemException.forbidden("This needs one of the roles " + Arrays.stream(roles).map(Role::label)
                    .collect(Collectors.joining(", ")));
        }
        return view;
    }

    public static boolean isCentre(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor);
    }

    /** A person, not a system client: signatures and two-person checks are made by people. */
    public static void requirePerson(Actor actor, String what) {
        if (!actor.isPerson()) {
            throw ProblemException.forbidden(what + " is done by a person signed in to cartpath; system clients cannot");
        }
    }

    /** The actor's organisation as a custody party. */
    public Party party(Actor actor) {
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Only an organisation's staff or systems record custody");
        }
        return new Party(actor.organisationId(), actor.organisationName(), actor.organisationKind());
    }

    /** An active organisation as a custody party; 400 naming {@code field} if there is none with that id. */
    public Party organisation(OrganisationId id, String field) {
        return find(id).map(o -> new Party(o.id(), o.name(), o.kind()))
                .orElseThrow(() -> ProblemException.invalid(field, "no active organisation has this id"));
    }

    public Optional<Organisation> find(OrganisationId id) {
        return organisations.directory().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The active organisations of some kinds, by name: for choosing a courier or a manufacturer. */
    @PublishedData("the directory of active organisations, published to every organisation")
    public List<Organisation> directory(Set<OrganisationKind> kinds) {
        return organisations.directory().stream().filter(o -> kinds.contains(o.kind()))
                .sorted(Comparator.comparing(Organisation::name)).toList();
    }

    /** Serialises custody writes on one case across threads and instances until the transaction ends. */
    public void lock(CaseId caseId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 5))").param("custody:" + caseId)
                .query(Integer.class).single();
    }

    public static NotFoundException notFound(String what, Object id) {
        return new NotFoundException(what, id);
    }
}
