package org.cartpath.followup.web;

import java.util.List;
import org.cartpath.followup.FollowUpAccess;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class FollowUpNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Follow-up", "/follow-up", 25, FollowUpAccess.READERS));
    }
}
