package org.cartpath.audit.web;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

@Component
class AuditNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Audit trail", "/admin/audit", 930, Set.of(Role.ADMINISTRATOR, Role.AUDITOR)));
    }
}
