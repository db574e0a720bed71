package org.cartpath.scheduling.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class SchedulingNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(
                new NavigationItem("Calendar", "/scheduling/calendar", 20, Set.of(Role.COORDINATOR, Role.CONSULTANT,
                        Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE,
                        Role.MANUFACTURER_OPERATOR)),
                new NavigationItem("Waitlist", "/scheduling/waitlist", 21, Set.of(Role.COORDINATOR, Role.CONSULTANT)),
                new NavigationItem("Capacity", "/scheduling/capacity", 22, Set.of(Role.COORDINATOR, Role.MANUFACTURER_OPERATOR)),
                new NavigationItem("Apheresis chairs", "/scheduling/apheresis", 23, Set.of(Role.COORDINATOR, Role.APHERESIS_NURSE)));
    }
}
