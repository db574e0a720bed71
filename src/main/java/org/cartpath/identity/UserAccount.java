package org.cartpath.identity;

import java.time.Instant;
import java.util.Set;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;

/** A person who signs in to cartpath. Never carries the password hash. */
public record UserAccount(
        UserId id,
        OrganisationId organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        String username,
        String displayName,
        String email,
        String jobTitle,
        Set<Role> roles,
        boolean enabled,
        boolean mustChangePassword,
        int version,
        Instant createdAt) {
}
