package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page says whose case it is — name, NHS number and date of birth, the identifiers staff check one child's
 * cells against — to the centre's staff, logs that read, and says nothing of the patient to the manufacturer.
 */
@CartpathIntegrationTest
class CasePageIdentityIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    PatientManagement patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityFixtures identities;

    @Test
    void centreStaffSeeWhoseCaseItIsAndTheManufacturerDoesNot() {
        World world = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("24"));
        Demographics patient = patients.get(world.actor(world.coordinator()), world.patientId(), "test set-up")
                .demographics();
        String page = "/cases/" + world.therapyCase().id();
        long reads = caseReads(world);

        String seen = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD).get(page).body();
        assertThat(seen).contains(patient.familyName().toUpperCase() + ", " + patient.givenName())
                .contains(patient.nhsNumber().formatted()).contains("· born <span>1 May 2017</span>");
        assertThat(caseReads(world)).as("the read is in the access log").isEqualTo(reads + 1);
        assertThat(seen).as("the product and indication by name").contains("Kymriah (tisagenlecleucel)")
                .contains("B-cell acute lymphoblastic leukaemia");

        String operator = Http.signedIn(port, world.operator().username(), IdentityFixtures.PASSWORD).get(page).body();
        assertThat(operator).contains(world.therapyCase().reference())
                .doesNotContain(patient.familyName(), patient.nhsNumber().value(), patient.nhsNumber().formatted(),
                        "data-testid=\"case-patient\"");
    }

    @Test
    void theCentresAnalystAuditorAndAdministratorOpenItsCasePageWithoutThePatientsIdentity() {
        World world = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("24"));
        Demographics patient = patients.get(world.actor(world.coordinator()), world.patientId(), "test set-up")
                .demographics();
        long reads = caseReads(world);
        // ADR 0019: they see their centre's cases as any centre user does, and read no patient record
        for (Role role : java.util.List.of(Role.ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)) {
            var page = Http.signedIn(port, identities.user(world.centre(), role).username(), IdentityFixtures.PASSWORD)
                    .get("/cases/" + world.therapyCase().id());
            assertThat(page.statusCode()).as(role.label()).isEqualTo(200);
            assertThat(page.body()).as(role.label()).contains(world.therapyCase().reference())
                    .doesNotContain(patient.familyName().toUpperCase(), patient.nhsNumber().formatted(),
                            "data-testid=\"case-patient-identity\"");
        }
        assertThat(caseReads(world)).as("no patient read is logged for them").isEqualTo(reads);
    }

    private long caseReads(World world) {
        return jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'Case page'")
                .param(world.patientId().toString()).query(Long.class).single();
    }
}
