package org.cartpath.patient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the audit trail keeps of a patient's demographics: the version, which identifiers are present and
 * which fields a change touched, never the values. The values are in the append-only version history;
 * the audit trail is read by the operator's administrators, who have no business with patient identity.
 */
final class DemographicsAudit {

    private DemographicsAudit() {
    }

    static Map<String, Object> view(Demographics d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", d.version());
        view.put("hasNhsNumber", d.nhsNumber() != null);
        view.put("hasLocalHospitalNumber", d.localHospitalNumber() != null);
        view.put("localNumberIssuer", d.localNumberIssuer() == null ? null : d.localNumberIssuer().toString());
        return view;
    }

    static List<String> changedFields(Demographics a, Demographics b) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "nhsNumber", a.nhsNumber(), b.nhsNumber());
        addIfChanged(changed, "localHospitalNumber", a.localHospitalNumber(), b.localHospitalNumber());
        addIfChanged(changed, "givenName", a.givenName(), b.givenName());
        addIfChanged(changed, "familyName", a.familyName(), b.familyName());
        addIfChanged(changed, "dateOfBirth", a.dateOfBirth(), b.dateOfBirth());
        addIfChanged(changed, "sex", a.sex(), b.sex());
        addIfChanged(changed, "address", a.address(), b.address());
        return changed;
    }

    private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
