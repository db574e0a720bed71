package org.cartpath.interop.outbound.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class WebhookNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Webhooks", "/admin/webhooks", 925, Set.of(Role.ADMINISTRATOR)));
    }
}
