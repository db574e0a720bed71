package org.cartpath.custody.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** Where custody's pages are, for the roles that hold, carry, make or oversee the cells. */
@Component
class CustodyNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(
                new NavigationItem("Custody", "/custody/locations", 30, Set.of(Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB,
                        Role.WARD_NURSE, Role.PHARMACIST, Role.COORDINATOR, Role.QA, Role.COURIER, Role.MANUFACTURER_OPERATOR)),
                new NavigationItem("Custody alerts", "/custody/alerts", 31, Set.of(Role.COORDINATOR, Role.QA)));
    }
}
