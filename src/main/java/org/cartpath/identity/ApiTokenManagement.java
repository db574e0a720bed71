package org.cartpath.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.internal.CredentialCache;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.identity.internal.Secrets;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.Hashing;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for other organisations' systems (manufacturers, couriers, hospitals' record systems). A
 * token is {@code cpt_<prefix>_<secret>}: the prefix finds it, the whole token's SHA-256 digest proves it.
 * It is checked on every request, so a revoked token stops working at once: against the {@link CredentialCache}, which
 * every instance empties of a token as soon as its revocation commits (ADR 0029), else against the database.
 */
@Service
public class ApiTokenManagement {

    /** A token to issue; {@code scopes} null or empty means {@link ApiScopes#DEFAULT} (read only). */
    public record NewApiToken(OrganisationId organisationId, String name, Set<Role> roles, Set<String> scopes) {

        public NewApiToken(OrganisationId organisationId, String name, Set<Role> roles) {
            this(organisationId, name, roles, null);
        }
    }

    private static final String SCHEME = "cpt_";

    private final IdentityStore store;
    private final CredentialCache cache;
    private final AuditTrail audit;
    private final Clock clock;
    /** When this instance last wrote each token's last use: it writes at most once a minute a token. */
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiTokenManagement(IdentityStore store, CredentialCache cache, AuditTrail audit, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list(Actor actor) {
        requireAdministrator(actor);
        return store.tokens(DataVisibility.administrativeScope(actor));
    }

    @Transactional(readOnly = true)
    public ApiTokenSummary get(Actor actor, UUID id) {
        requireAdministrator(actor);
        return store.token(id)
                .filter(t -> DataVisibility.ofAdministrativeRecord(actor, t.organisationId()) != DataVisibility.Level.NONE)
                .orElseThrow(() -> new NotFoundException("API token", id));
    }

    @Transactional
    public IssuedApiToken create(Actor actor, NewApiToken command) {
        return issue(actor, command, Secrets.readable(10), Secrets.readable(40));
    }

    /**
     * Issues a token whose value is known in advance. Only cartpath's set-up may do this, for the demo
     * clients whose tokens are printed at start-up.
     */
    @Transactional
    public IssuedApiToken createWithKnownValue(Actor actor, NewApiToken command, String prefix, String secret) {
        if (actor.type() != Actor.ActorType.INTERNAL) {
            throw ProblemException.forbidden("Only cartpath's set-up issues tokens with known values");
        }
        if (!prefix.matches("[a-z0-9]{6,20}") || secret.length() < 32) {
            throw new IllegalArgumentException("a known token needs a 6-20 character prefix and a 32+ character secret");
        }
        return issue(actor, command, prefix, secret);
    }

    private IssuedApiToken issue(Actor actor, NewApiToken command, String prefix, String secret) {
        requireAdministrator(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String name = command.name() == null ? null : command.name().trim();
        if (name == null || name.length() < 2 || name.length() > 200) {
            problems.add(new FieldProblem("name", "name the system that will use this token (2 to 200 characters)"));
        }
        if (command.roles() == null || command.roles().isEmpty()) {
            problems.add(new FieldProblem("roles", "choose at least one role"));
        }
        if (command.organisationId() == null) {
            problems.add(new FieldProblem("organisationId", "choose the organisation the token acts for"));
        }
        Set<String> scopes = command.scopes() == null || command.scopes().isEmpty() ? ApiScopes.DEFAULT
                : new TreeSet<>(command.scopes());
        for (String scope : scopes) {
            if (!ApiScopes.CHOICES.containsKey(scope)) {
                problems.add(new FieldProblem("scopes", "'" + scope + "' is not a scope cartpath knows; choose from "
                        + String.join(", ", ApiScopes.CHOICES.keySet())));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Organisation organisation = store.organisation(command.organisationId())
                .filter(o -> DataVisibility.ofAdministrativeRecord(actor, o.id()) != DataVisibility.Level.NONE)
                .orElseThrow(() -> ProblemException.invalid("organisationId", "no such organisation"));
        for (Role role : command.roles()) {
            if (!role.allowedIn(organisation.kind()) || role == Role.ADMINISTRATOR) {
                throw ProblemException.unprocessable("role-not-allowed", "A token for a "
                        + organisation.kind().label().toLowerCase() + " cannot have the role " + role.label());
            }
        }
        if (scopes.contains(ApiScopes.WRITE_OBSERVATIONS) && organisation.kind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.unprocessable("scope-not-allowed", "Only a treatment centre's systems send "
                    + "observations: a token for a " + organisation.kind().label().toLowerCase() + " cannot have the "
                    + "scope " + ApiScopes.WRITE_OBSERVATIONS);
        }
        String value = SCHEME + prefix + "_" + secret;
        ApiTokenSummary token = new ApiTokenSummary(UUID.randomUUID(), organisation.id(), organisation.name(), name,
                prefix, EnumSet.copyOf(command.roles()), actor.displayName(), Instant.now(clock), null, null, null,
                Set.copyOf(scopes));
        store.insert(token, Hashing.sha256Hex(value));
        audit.record(actor, "API_TOKEN_CREATED", "ApiToken", token.id().toString(), null, auditView(token), null);
        return new IssuedApiToken(token, value);
    }

    @Transactional
    public ApiTokenSummary revoke(Actor actor, UUID id, String reason) {
        ApiTokenSummary before = get(actor, id);
        if (!before.active()) {
            throw ProblemException.conflict("already-revoked", "This token was already revoked on " + before.revokedAt());
        }
        if (!store.revoke(id, actor.displayName(), Instant.now(clock))) {
            throw ProblemException.conflict("already-revoked", "This token was already revoked");
        }
        ApiTokenSummary after = store.token(id).orElseThrow();
        audit.record(actor, "API_TOKEN_REVOKED", "ApiToken", id.toString(), auditView(before), auditView(after),
                reason == null || reason.isBlank() ? null : reason.trim());
        return after;
    }

    /**
     * The actor a bearer token stands for, if it is a live token of an active organisation. Not transactional: a token
     * found in the cache costs no database connection, and its last use is written at most once a minute.
     */
    public Optional<Actor> authenticate(String value) {
        if (value == null || !value.startsWith(SCHEME)) {
            return Optional.empty();
        }
        int separator = value.indexOf('_', SCHEME.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String prefix = value.substring(SCHEME.length(), separator);
        return cache.token(prefix, () -> store.tokenByPrefix(prefix))
                .filter(t -> Hashing.sameDigest(t.hash(), Hashing.sha256Hex(value)))
                .filter(t -> t.summary().active() && t.organisationActive())
                .map(t -> {
                    touch(t.summary().id());
                    ApiTokenSummary summary = t.summary();
                    return new Actor(summary.id().toString(), Actor.ActorType.SYSTEM, "token:" + summary.prefix(),
                            summary.name() + " (API token)", summary.organisationId(), summary.organisationName(),
                            t.organisationKind(), t.organisationOperator(), summary.roles());
                });
    }

    /**
     * The scopes of the token the actor stands for (ADR 0030): none for anyone who is not a live API token, so that a
     * check of scopes refuses by default.
     */
    @Transactional(readOnly = true)
    public Set<String> scopes(Actor actor) {
        if (actor.type() != Actor.ActorType.SYSTEM || !actor.username().startsWith("token:")) {
            return Set.of();
        }
        try {
            return store.liveTokenScopes(UUID.fromString(actor.id()));
        } catch (IllegalArgumentException notATokenId) {
            return Set.of();
        }
    }

    private void touch(UUID token) {
        Instant now = Instant.now(clock);
        Instant last = lastTouched.get(token);
        if (last == null || !now.isBefore(last.plusSeconds(60)) || now.isBefore(last)) {
            lastTouched.put(token, now);
            store.touch(token, now);
        }
    }

    private static void requireAdministrator(Actor actor) {
        if (actor.type() != Actor.ActorType.INTERNAL && !actor.hasRole(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only administrators manage API tokens");
        }
    }

    private static Map<String, Object> auditView(ApiTokenSummary token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id().toString());
        view.put("organisationId", token.organisationId().toString());
        view.put("name", token.name());
        view.put("prefix", token.prefix());
        view.put("roles", token.roles().stream().map(Role::name).sorted().toList());
        view.put("scopes", token.scopes().stream().sorted().toList());
        view.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
        view.put("revokedBy", token.revokedBy());
        return view;
    }
}
