package org.cartpath.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Role;

/** An API token as administrators see it: never its secret. Its scopes are those of {@link ApiScopes}. */
public record ApiTokenSummary(
        UUID id,
        OrganisationId organisationId,
        String organisationName,
        String name,
        String prefix,
        Set<Role> roles,
        String createdBy,
        Instant createdAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt,
        Set<String> scopes) {

    public boolean active() {
        return revokedAt == null;
    }
}
