package org.cartpath.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations: listed and read within the actor's scope, created and changed by the operator's administrators. */
@Service
public class OrganisationManagement {

    public record NewOrganisation(String name, OrganisationKind kind, String region, String odsCode, String fin) {
    }

    public record OrganisationChange(String name, String region, String odsCode, String fin, boolean active) {
    }

    private final IdentityStore store;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationManagement(IdentityStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Organisation> list(Actor actor) {
        return store.organisations(DataVisibility.administrativeScope(actor));
    }

    /** Every organisation's id, name and kind: for choosing a partner (e.g. the centre to refer to). */
    @Transactional(readOnly = true)
    public List<Organisation> directory() {
        return store.directory().stream().filter(Organisation::active).toList();
    }

    @Transactional(readOnly = true)
    public Organisation get(Actor actor, OrganisationId id) {
        Organisation organisation = store.organisation(id).orElseThrow(() -> new NotFoundException("organisation", id));
        if (DataVisibility.ofAdministrativeRecord(actor, id) == DataVisibility.Level.NONE) {
            throw new NotFoundException("organisation", id);
        }
        return organisation;
    }

    @Transactional
    public Organisation create(Actor actor, NewOrganisation command) {
        requireOperatorAdministrator(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String name = trimmed(command.name());
        if (name == null || name.length() < 2 || name.length() > 200) {
            problems.add(new FieldProblem("name", "enter a name of 2 to 200 characters"));
        }
        if (command.kind() == null) {
            problems.add(new FieldProblem("kind", "choose the kind of organisation"));
        }
        String fin = normaliseFin(command.fin(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (store.organisationNameTaken(name, null)) {
            throw ProblemException.conflict("duplicate-organisation", "An organisation named '" + name + "' already exists");
        }
        if (fin != null && store.finTaken(fin, null)) {
            throw ProblemException.conflict("duplicate-fin", "The FIN " + fin + " belongs to another organisation");
        }
        Organisation organisation = new Organisation(OrganisationId.random(), name, command.kind(),
                trimmed(command.region()), trimmed(command.odsCode()), fin, false, true, 0, Instant.now(clock));
        store.insert(organisation);
        audit.record(actor, "ORGANISATION_CREATED", "Organisation", organisation.id().toString(), null,
                auditView(organisation), null);
        return organisation;
    }

    /** The organisation that operates this installation; created once, by the demo seed or the first set-up. */
    @Transactional
    public Organisation createOperator(Actor actor, NewOrganisation command) {
        if (actor.type() != Actor.ActorType.INTERNAL) {
            throw ProblemException.forbidden("Only cartpath's set-up creates the operating organisation");
        }
        Organisation organisation = new Organisation(OrganisationId.random(), command.name().trim(), command.kind(),
                trimmed(command.region()), trimmed(command.odsCode()), command.fin(), true, true, 0, Instant.now(clock));
        store.insert(organisation);
        audit.record(actor, "ORGANISATION_CREATED", "Organisation", organisation.id().toString(), null,
                auditView(organisation), null);
        return organisation;
    }

    @Transactional
    public Organisation change(Actor actor, OrganisationId id, OrganisationChange change, int expectedVersion) {
        requireOperatorAdministrator(actor);
        Organisation before = store.organisationForUpdate(id).orElseThrow(() -> new NotFoundException("organisation", id));
        List<FieldProblem> problems = new ArrayList<>();
        String name = trimmed(change.name());
        if (name == null || name.length() < 2 || name.length() > 200) {
            problems.add(new FieldProblem("name", "enter a name of 2 to 200 characters"));
        }
        String fin = normaliseFin(change.fin(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (before.version() != expectedVersion) {
            throw stale(before);
        }
        if (before.operator() && !change.active()) {
            throw ProblemException.unprocessable("operator-required", "The operating organisation cannot be deactivated");
        }
        if (store.organisationNameTaken(name, id)) {
            throw ProblemException.conflict("duplicate-organisation", "An organisation named '" + name + "' already exists");
        }
        if (fin != null && store.finTaken(fin, id)) {
            throw ProblemException.conflict("duplicate-fin", "The FIN " + fin + " belongs to another organisation");
        }
        Organisation after = new Organisation(id, name, before.kind(), trimmed(change.region()), trimmed(change.odsCode()),
                fin, before.operator(), change.active(), before.version() + 1, before.createdAt());
        if (!store.update(after, expectedVersion)) {
            throw stale(before);
        }
        audit.record(actor, "ORGANISATION_CHANGED", "Organisation", id.toString(), auditView(before), auditView(after),
                null);
        return after;
    }

    static ProblemException stale(Organisation current) {
        return ProblemException.conflict("stale-version",
                "This organisation was changed by someone else (now version " + current.version()
                        + "). Reload it and make your change again.");
    }

    private static void requireOperatorAdministrator(Actor actor) {
        if (actor.type() == Actor.ActorType.INTERNAL) {
            return;
        }
        if (!actor.hasRole(Role.ADMINISTRATOR) || !actor.operator()) {
            throw ProblemException.forbidden("Only administrators of the operating organisation manage organisations");
        }
    }

    private static String normaliseFin(String value, List<FieldProblem> problems) {
        String fin = trimmed(value);
        if (fin == null) {
            return null;
        }
        fin = fin.toUpperCase(java.util.Locale.ROOT);
        // ISBT 128 FIN: five characters, the first A-N, P-Z or 1-9 (ICCBBA ST-001; docs/clinical/isbt128.md)
        if (!fin.matches("[A-NP-Z1-9][A-Z0-9]{4}")) {
            problems.add(new FieldProblem("fin", "must be 5 characters A-Z or 0-9, the first not O or 0"));
        }
        return fin;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Map<String, Object> auditView(Organisation o) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", o.id().toString());
        view.put("name", o.name());
        view.put("kind", o.kind().name());
        view.put("region", o.region());
        view.put("odsCode", o.odsCode());
        view.put("fin", o.fin());
        view.put("operator", o.operator());
        view.put("active", o.active());
        return view;
    }
}
