package org.cartpath.identity.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class IdentityNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(
                new NavigationItem("Organisations", "/admin/organisations", 900, Set.of(Role.ADMINISTRATOR)),
                new NavigationItem("Users", "/admin/users", 910, Set.of(Role.ADMINISTRATOR)),
                new NavigationItem("API tokens", "/admin/api-tokens", 920, Set.of(Role.ADMINISTRATOR)));
    }
}
