package org.cartpath.platform.demo;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;

/**
 * The demo organisations, users and API tokens (README, "Quick start"). The three children's centres are the
 * NHS's first paediatric CAR-T centres (NHS England, 2018). FINs are invented for the demo: a real
 * facility registers its own with ICCBBA. Passwords and tokens are fixed so that they can be printed at
 * every start; they are for trying cartpath, never for real patients.
 */
final class DemoData {

    static final String PASSWORD = "cartpath-demo";

    record DemoOrganisation(String key, String name, OrganisationKind kind, String region, String fin, boolean operator) {
    }

    record DemoUser(String username, String displayName, String organisation, Set<Role> roles, String jobTitle) {
    }

    record DemoToken(String organisation, String name, Set<Role> roles, String prefix, String secret) {
        String value() {
            return "cpt_" + prefix + "_" + secret;
        }
    }

    /** ODS codes of the demo organisations that have one: an HL7 v2 message for Great Ormond Street names RP4 in MSH-6. */
    static final java.util.Map<String, String> ODS_CODES = java.util.Map.of("gosh", "RP4");

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("gosh", "Great Ormond Street Hospital for Children", OrganisationKind.TREATMENT_CENTRE,
                    "London", "G9701", true),
            new DemoOrganisation("rmch", "Royal Manchester Children's Hospital", OrganisationKind.TREATMENT_CENTRE,
                    "North West", "M9702", false),
            new DemoOrganisation("gnch", "Great North Children's Hospital", OrganisationKind.TREATMENT_CENTRE,
                    "North East and Yorkshire", "N9703", false),
            new DemoOrganisation("leeds", "Leeds Children's Hospital", OrganisationKind.REFERRING_HOSPITAL,
                    "North East and Yorkshire", null, false),
            new DemoOrganisation("bristol", "Bristol Royal Hospital for Children", OrganisationKind.REFERRING_HOSPITAL,
                    "South West", null, false),
            new DemoOrganisation("panel", "National CAR-T Clinical Panel", OrganisationKind.NATIONAL_PANEL,
                    "England", null, false),
            new DemoOrganisation("novartis", "Novartis Cell Therapy (demo)", OrganisationKind.MANUFACTURER,
                    null, "K9704", false),
            new DemoOrganisation("kite", "Kite, a Gilead company (demo)", OrganisationKind.MANUFACTURER,
                    null, "K9705", false),
            new DemoOrganisation("courier", "Cryo Logistics (demo courier)", OrganisationKind.COURIER,
                    null, null, false),
            new DemoOrganisation("commissioner", "NHS England Specialised Commissioning (demo)",
                    OrganisationKind.COMMISSIONER, "England", null, false));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("referrer", "Dr Priya Raman", "leeds", Set.of(Role.REFERRER), "Consultant paediatric haematologist"),
            new DemoUser("coordinator", "Sam Okafor", "gosh", Set.of(Role.COORDINATOR), "CAR-T coordinator"),
            new DemoUser("consultant", "Dr Helen Marsh", "gosh", Set.of(Role.CONSULTANT), "Consultant haematologist"),
            new DemoUser("apheresis.nurse", "Grace Lee", "gosh", Set.of(Role.APHERESIS_NURSE), "Apheresis nurse"),
            new DemoUser("cell.lab", "Tom Fischer", "gosh", Set.of(Role.CELL_THERAPY_LAB), "Clinical scientist"),
            new DemoUser("pharmacist", "Aisha Patel", "gosh", Set.of(Role.PHARMACIST), "Haematology pharmacist"),
            new DemoUser("ward.nurse", "Ben Carter", "gosh", Set.of(Role.WARD_NURSE), "Ward nurse"),
            new DemoUser("qa.lead", "Dr Maria Rossi", "gosh", Set.of(Role.QA), "Quality lead"),
            new DemoUser("data.manager", "Owen Price", "gosh", Set.of(Role.DATA_MANAGER), "Registry data manager"),
            new DemoUser("panel.member", "Prof. David Hughes", "panel", Set.of(Role.PANEL_MEMBER), "Panel member"),
            new DemoUser("manufacturer", "Lena Novak", "novartis", Set.of(Role.MANUFACTURER_OPERATOR), "Operations"),
            new DemoUser("courier", "Chris Byrne", "courier", Set.of(Role.COURIER), "Courier"),
            new DemoUser("analyst", "Nadia Khan", "commissioner", Set.of(Role.ANALYST), "Analyst"),
            new DemoUser("auditor", "Peter Walsh", "gosh", Set.of(Role.AUDITOR), "Auditor"),
            new DemoUser("admin", "Jo Turner", "gosh", Set.of(Role.ADMINISTRATOR), "cartpath administrator"));

    static final List<DemoToken> TOKENS = List.of(
            new DemoToken("novartis", "Novartis manufacturing system", Set.of(Role.MANUFACTURER_OPERATOR),
                    "demonovartis", "demo0novartis0manufacturing0token0a1"),
            new DemoToken("kite", "Kite manufacturing system", Set.of(Role.MANUFACTURER_OPERATOR),
                    "demokite", "demo0kite0manufacturing0token0b2c3d4e5"),
            new DemoToken("courier", "Cryo Logistics tracking system", Set.of(Role.COURIER),
                    "democourier", "demo0courier0tracking0token0f6g7h8i9"),
            new DemoToken("leeds", "Leeds electronic patient record", Set.of(Role.REFERRER),
                    "demoleeds", "demo0leeds0patient0record0token0j1k2"));

    private DemoData() {
    }
}
