package org.cartpath.patient.web;

import java.util.List;
import org.cartpath.patient.internal.PatientRoles;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class PatientNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Patients", "/patients", 100, PatientRoles.READERS));
    }
}
