package org.cartpath.journey.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class JourneyNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Worklist", "/worklist", 10, Set.of(Role.COORDINATOR, Role.CONSULTANT,
                Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.QA,
                Role.DATA_MANAGER)));
    }
}
