package org.cartpath.shared;

import java.util.EnumSet;
import java.util.Set;

/** What a person (or a system client) does in cartpath. A user has one or more roles. */
public enum Role {
    REFERRER("Referrer", EnumSet.of(OrganisationKind.REFERRING_HOSPITAL, OrganisationKind.TREATMENT_CENTRE)),
    COORDINATOR("Coordinator", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    CONSULTANT("Consultant", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    APHERESIS_NURSE("Apheresis nurse", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    CELL_THERAPY_LAB("Cell-therapy laboratory", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    PHARMACIST("Pharmacist", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    WARD_NURSE("Ward nurse", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    QA("Quality assurance", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    /** Registry data entry at a treatment centre: owns the registry time points of the centre's cases. */
    DATA_MANAGER("Data manager", EnumSet.of(OrganisationKind.TREATMENT_CENTRE)),
    PANEL_MEMBER("Panel member", EnumSet.of(OrganisationKind.NATIONAL_PANEL)),
    MANUFACTURER_OPERATOR("Manufacturer operator", EnumSet.of(OrganisationKind.MANUFACTURER)),
    COURIER("Courier", EnumSet.of(OrganisationKind.COURIER)),
    ANALYST("Analyst", EnumSet.of(OrganisationKind.COMMISSIONER, OrganisationKind.TREATMENT_CENTRE)),
    AUDITOR("Auditor", EnumSet.allOf(OrganisationKind.class)),
    ADMINISTRATOR("Administrator", EnumSet.allOf(OrganisationKind.class));

    private final String label;
    private final Set<OrganisationKind> allowedIn;

    Role(String label, Set<OrganisationKind> allowedIn) {
        this.label = label;
        this.allowedIn = allowedIn;
    }

    public String label() {
        return label;
    }

    /** A role only makes sense in some kinds of organisation: a courier cannot hold a consultant. */
    public boolean allowedIn(OrganisationKind kind) {
        return allowedIn.contains(kind);
    }

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
