package org.cartpath.shared;

import java.util.Set;

/**
 * An entry in the header navigation, shown to actors holding any of {@code roles} (everyone when empty).
 * Modules contribute entries through {@link NavigationContributor} beans; the platform's shell shows them
 * in {@code order}.
 */
public record NavigationItem(String label, String href, int order, Set<Role> roles) {

    public boolean visibleTo(Actor actor) {
        return roles.isEmpty() || roles.stream().anyMatch(actor::hasRole);
    }
}
