package org.cartpath.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.OrganisationManagement.NewOrganisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.identity.UserManagement.NewUser;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Builders for organisations and users with safe defaults and unique names, so that tests sharing one
 * database never collide. Every user has the password {@link #PASSWORD}.
 */
@Component
public class IdentityFixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final Actor setup = Actor.system("test fixtures");

    IdentityFixtures(OrganisationManagement organisations, UserManagement users) {
        this.organisations = organisations;
        this.users = users;
    }

    public Organisation organisation(OrganisationKind kind) {
        return organisation(kind, null);
    }

    /** An organisation with an ISBT 128 FIN, e.g. a treatment centre that allocates chain-of-identity identifiers. */
    public Organisation organisation(OrganisationKind kind, String fin) {
        int n = SEQUENCE.incrementAndGet();
        return organisations.create(setup, new NewOrganisation("Test " + kind.label() + " " + n + " " + System.nanoTime(),
                kind, "Test region", null, fin));
    }

    public UserAccount user(Organisation organisation, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        String username = "user" + n + "." + Long.toString(System.nanoTime(), 36);
        return users.createWithPassword(setup, new NewUser(organisation.id(), username, "Test User " + n, null, null,
                Set.of(roles)), PASSWORD);
    }

    /** Disables an account as an administrator would (audited), e.g. to test what a disabled account may not do. */
    public UserAccount disable(UserAccount user) {
        Actor administrator = new Actor("system:test-administrator", Actor.ActorType.INTERNAL, "system",
                "test fixtures (administrator)", user.organisationId(), user.organisationName(), user.organisationKind(),
                false, Set.of(Role.ADMINISTRATOR));
        UserAccount current = users.get(administrator, user.id());
        return users.change(administrator, user.id(), new UserManagement.UserChange(current.displayName(), current.email(),
                current.jobTitle(), current.roles(), false), current.version());
    }
}
