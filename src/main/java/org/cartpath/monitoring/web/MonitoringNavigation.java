package org.cartpath.monitoring.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class MonitoringNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(
                new NavigationItem("Monitoring", "/monitoring", 20,
                        Set.of(Role.WARD_NURSE, Role.CONSULTANT, Role.COORDINATOR, Role.PHARMACIST)),
                new NavigationItem("Alerts", "/monitoring/alerts", 21, Set.of(Role.CONSULTANT, Role.COORDINATOR)));
    }
}
