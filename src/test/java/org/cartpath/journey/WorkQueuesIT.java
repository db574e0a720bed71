package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each centre role's home page is its work queue: the tasks waiting for it, with the patient beside the case. */
@CartpathIntegrationTest
class WorkQueuesIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    PatientManagement patients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePharmacistsHomeShowsTheProductToPlanForWithThePatientsNameAndTheReadIsLogged() {
        CaseFixtures.World world = fixtures.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        PatientRecord patient = patients.get(world.actor(world.coordinator()), world.patientId(), "test");
        String name = patient.demographics().familyName().toUpperCase(java.util.Locale.ROOT) + ", "
                + patient.demographics().givenName();
        long readsBefore = reads(world);

        String home = Http.signedIn(port, world.pharmacist().username(), IdentityFixtures.PASSWORD).get("/").body();
        String queue = home.substring(home.indexOf("data-testid=\"work-queue-PHARMACIST\""));
        assertThat(queue).contains("Plan lymphodepletion", world.therapyCase().reference(), name,
                patient.demographics().nhsNumber().formatted());
        assertThat(home).doesNotContain("Lymphodepletion plans waiting for your verification will appear here");
        assertThat(reads(world)).as("the name shown is logged as read").isGreaterThan(readsBefore);
    }

    @Test
    void aRoleSeesOnlyItsOwnTasksAndAnotherCentreSeesNothing() {
        CaseFixtures.World world = fixtures.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        CaseFixtures.World elsewhere = fixtures.caseAt(Stage.PANEL_APPROVED, new BigDecimal("25"));

        String qa = Http.signedIn(port, world.qa().username(), IdentityFixtures.PASSWORD).get("/").body();
        assertThat(qa).contains("data-testid=\"work-queue-QA\"").doesNotContain("Plan lymphodepletion");
        String nurse = Http.signedIn(port, elsewhere.nurse().username(), IdentityFixtures.PASSWORD).get("/").body();
        assertThat(nurse).contains("data-testid=\"work-queue-WARD_NURSE\"")
                .doesNotContain(world.therapyCase().reference());
        String otherPharmacist = Http.signedIn(port, elsewhere.pharmacist().username(), IdentityFixtures.PASSWORD)
                .get("/").body();
        assertThat(otherPharmacist).contains("Nothing is waiting for you").doesNotContain(world.therapyCase().reference());
    }

    private long reads(CaseFixtures.World world) {
        return jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'Work queue on the home page'")
                .param(world.patientId().toString()).query(Long.class).single();
    }
}
