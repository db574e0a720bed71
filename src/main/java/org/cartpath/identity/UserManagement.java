package org.cartpath.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.identity.internal.PasswordPolicy;
import org.cartpath.identity.internal.Secrets;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: administrators manage the users of the organisations they may administer; every user changes
 * their own password. New users and reset passwords get a temporary password that must be changed at the
 * next sign-in.
 */
@Service
public class UserManagement {

    public record NewUser(OrganisationId organisationId, String username, String displayName, String email,
            String jobTitle, Set<Role> roles) {
    }

    public record UserChange(String displayName, String email, String jobTitle, Set<Role> roles, boolean enabled) {
    }

    /** A user just created, or whose password was reset, with the temporary password to hand over once. */
    public record UserWithTemporaryPassword(UserAccount user, String temporaryPassword) {
    }

    private final IdentityStore store;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserManagement(IdentityStore store, AuditTrail audit, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list(Actor actor, OrganisationId organisationFilter) {
        requireAdministrator(actor);
        return store.users(DataVisibility.administrativeScope(actor), organisationFilter);
    }

    @Transactional(readOnly = true)
    public UserAccount get(Actor actor, UserId id) {
        UserAccount user = store.user(id).orElseThrow(() -> new NotFoundException("user", id));
        boolean self = actor.id().equals(id.toString());
        if (!self && (!actor.hasRole(Role.ADMINISTRATOR)
                || DataVisibility.ofAdministrativeRecord(actor, user.organisationId()) == DataVisibility.Level.NONE)) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    @Transactional
    public UserWithTemporaryPassword create(Actor actor, NewUser command) {
        String temporary = Secrets.temporaryPassword();
        UserAccount user = create(actor, command, temporary, true);
        return new UserWithTemporaryPassword(user, temporary);
    }

    /**
     * Creates a user with a known password that need not be changed. Only cartpath's own set-up (the demo
     * seed) may do this; people always get a temporary password.
     */
    @Transactional
    public UserAccount createWithPassword(Actor actor, NewUser command, String password) {
        if (actor.type() != Actor.ActorType.INTERNAL) {
            throw ProblemException.forbidden("Only cartpath's set-up creates users with a known password");
        }
        PasswordPolicy.check("password", password, command.username());
        return create(actor, command, password, false);
    }

    private UserAccount create(Actor actor, NewUser command, String password, boolean mustChange) {
        requireAdministrator(actor);
        if (command.organisationId() == null) {
            throw ProblemException.invalid("organisationId", "choose the user's organisation");
        }
        Organisation organisation = store.organisation(command.organisationId())
                .filter(o -> DataVisibility.ofAdministrativeRecord(actor, o.id()) != DataVisibility.Level.NONE)
                .orElseThrow(() -> ProblemException.invalid("organisationId", "no such organisation"));
        if (!organisation.active()) {
            throw ProblemException.unprocessable("organisation-inactive", organisation.name() + " is not active");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String username = command.username() == null ? "" : command.username().trim().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._@-]{2,99}")) {
            problems.add(new FieldProblem("username",
                    "use 3 to 100 characters: lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        }
        validateCommon(command.displayName(), command.email(), command.roles(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        requireRolesAllowed(command.roles(), organisation);
        if (store.usernameTaken(username)) {
            throw ProblemException.conflict("duplicate-username", "The username '" + username + "' is already taken");
        }
        Instant now = Instant.now(clock);
        UserAccount user = new UserAccount(UserId.random(), organisation.id(), organisation.name(), organisation.kind(),
                username, command.displayName().trim(), OrganisationManagement.trimmed(command.email()),
                OrganisationManagement.trimmed(command.jobTitle()), EnumSet.copyOf(command.roles()), true, mustChange,
                0, now);
        try {
            store.insert(user, passwords.encode(password), now);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-username", "The username '" + username + "' is already taken");
        }
        audit.record(actor, "USER_CREATED", "User", user.id().toString(), null, IdentityStore.auditView(user), null);
        return user;
    }

    @Transactional
    public UserAccount change(Actor actor, UserId id, UserChange change, int expectedVersion) {
        requireAdministrator(actor);
        UserAccount before = get(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        validateCommon(change.displayName(), change.email(), change.roles(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Organisation organisation = store.organisation(before.organisationId()).orElseThrow();
        requireRolesAllowed(change.roles(), organisation);
        if (before.version() != expectedVersion) {
            throw stale(before);
        }
        if (actor.id().equals(id.toString()) && (!change.enabled() || !change.roles().contains(Role.ADMINISTRATOR))) {
            throw ProblemException.unprocessable("self-lockout",
                    "You cannot disable your own account or remove your own administrator role; ask another administrator");
        }
        UserAccount after = new UserAccount(id, before.organisationId(), before.organisationName(),
                before.organisationKind(), before.username(), change.displayName().trim(),
                OrganisationManagement.trimmed(change.email()), OrganisationManagement.trimmed(change.jobTitle()),
                EnumSet.copyOf(change.roles()), change.enabled(), before.mustChangePassword(), before.version() + 1,
                before.createdAt());
        if (!store.update(after, expectedVersion)) {
            throw stale(before);
        }
        audit.record(actor, "USER_CHANGED", "User", id.toString(), IdentityStore.auditView(before),
                IdentityStore.auditView(after), null);
        return after;
    }

    /** An administrator resets a password: a new temporary password that must be changed at the next sign-in. */
    @Transactional
    public UserWithTemporaryPassword resetPassword(Actor actor, UserId id, String reason) {
        requireAdministrator(actor);
        UserAccount user = get(actor, id);
        String temporary = Secrets.temporaryPassword();
        store.setPassword(id, passwords.encode(temporary), true, Instant.now(clock));
        UserAccount after = store.user(id).orElseThrow();
        audit.record(actor, "USER_PASSWORD_RESET", "User", id.toString(), IdentityStore.auditView(user),
                IdentityStore.auditView(after), OrganisationManagement.trimmed(reason));
        return new UserWithTemporaryPassword(after, temporary);
    }

    /** A user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword, String confirmation) {
        if (!actor.isPerson()) {
            throw ProblemException.forbidden("Only people have passwords");
        }
        UserId id = UserId.of(actor.id());
        IdentityStore.Credentials credentials = store.credentials(id).orElseThrow(() -> new NotFoundException("user", id));
        if (currentPassword == null || !passwords.matches(currentPassword, credentials.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        PasswordPolicy.check("newPassword", newPassword, credentials.account().username());
        if (!newPassword.equals(confirmation)) {
            throw ProblemException.invalid("confirmPassword", "does not match the new password");
        }
        if (passwords.matches(newPassword, credentials.passwordHash())) {
            throw ProblemException.invalid("newPassword", "must differ from the current password");
        }
        store.setPassword(id, passwords.encode(newPassword), false, Instant.now(clock));
        audit.record(actor, "PASSWORD_CHANGED", "User", id.toString(), null, null, null);
    }

    private static void validateCommon(String displayName, String email, Set<Role> roles, List<FieldProblem> problems) {
        if (displayName == null || displayName.isBlank() || displayName.trim().length() < 2
                || displayName.trim().length() > 200) {
            problems.add(new FieldProblem("displayName", "enter the person's full name (2 to 200 characters)"));
        }
        if (email != null && !email.isBlank() && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "enter an email address like name@nhs.net"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "choose at least one role"));
        }
    }

    private static void requireRolesAllowed(Set<Role> roles, Organisation organisation) {
        for (Role role : roles) {
            if (!role.allowedIn(organisation.kind())) {
                throw ProblemException.unprocessable("role-not-allowed",
                        "The role " + role.label() + " cannot be held in a " + organisation.kind().label().toLowerCase());
            }
        }
    }

    private static void requireAdministrator(Actor actor) {
        if (actor.type() != Actor.ActorType.INTERNAL && !actor.hasRole(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only administrators manage users");
        }
    }

    private static ProblemException stale(UserAccount current) {
        return ProblemException.conflict("stale-version", "This user was changed by someone else (now version "
                + current.version() + "). Reload and make your change again.");
    }
}
