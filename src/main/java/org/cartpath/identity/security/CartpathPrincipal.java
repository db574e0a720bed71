package org.cartpath.identity.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.cartpath.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in actor as Spring Security holds it. It is stored in the (database-backed) session, so it
 * is serialisable and carries no password. It is reloaded from the database on every request, so role
 * changes and disabled accounts take effect at once.
 */
public record CartpathPrincipal(Actor actor, boolean mustChangePassword) implements Serializable {

    public Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }

    @Override
    public String toString() {
        return actor.username();
    }
}
