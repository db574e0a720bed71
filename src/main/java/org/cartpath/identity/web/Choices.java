package org.cartpath.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;

/** Parsing of submitted choices, so that nonsense values get a clear field error rather than a 500. */
final class Choices {

    private Choices() {
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.trim()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.invalid("roles", "'" + name + "' is not a role");
            }
        }
        return roles;
    }

    static OrganisationKind kind(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return OrganisationKind.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "'" + name + "' is not a kind of organisation");
        }
    }

    static OrganisationId organisation(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return new OrganisationId(java.util.UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("organisationId", "no such organisation");
        }
    }
}
