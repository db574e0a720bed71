package org.cartpath.referral.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class PanelNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Panel meetings", "/panel-meetings", 30, Set.of(Role.PANEL_MEMBER)));
    }
}
