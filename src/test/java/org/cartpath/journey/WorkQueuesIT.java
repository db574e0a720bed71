package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientTestData;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.Referrals;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

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

    @Autowired
    Referrals referrals;

    @Autowired
    CaseJourney journey;


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

    @Test
    void anUrgentCaseReferredLastComesFirstOnTheWorklistItsApiTheCoordinatorsHomeAndEveryWorkQueue() {
        // a routine case opened first (no referral), a routine referral, then an urgent referral: the oldest and the
        // earliest due come first by date, so only urgency can put the last one first
        CaseFixtures.World world = fixtures.caseAt(Stage.REFERRED, new BigDecimal("25"));
        String firstRoutine = world.therapyCase().reference();
        String routine = refer(world, "Routinecase", "ROUTINE");
        String urgent = refer(world, "Urgentcase", "URGENT");
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);

        assertUrgentFirst(coordinator.get("/worklist").body(), urgent, routine, firstRoutine);
        JsonNode api = Http.json(coordinator.get("/api/v1/worklist"));
        assertThat(api.get("items").get(0).get("therapyCase").get("reference").asText()).isEqualTo(urgent);
        assertThat(api.get("items").get(0).get("urgent").asBoolean()).isTrue();
        assertThat(api.get("items").get(1).get("urgent").asBoolean()).isFalse();
        String home = coordinator.get("/").body();
        assertUrgentFirst(home.substring(home.indexOf("data-testid=\"work-queue-COORDINATOR\"")), urgent, routine,
                firstRoutine);

        // triaged, each case waits for the consultant: the consultant's queue and the list of all tasks agree
        Actor setup = Actor.system("test");
        for (String reference : List.of(firstRoutine, routine, urgent)) {
            journey.advance(setup, caseOf(reference), Stage.TRIAGED, "Triaged");
        }
        Http consultant = Http.signedIn(port, world.consultant().username(), IdentityFixtures.PASSWORD);
        String consultantHome = consultant.get("/").body();
        String queue = consultantHome.substring(consultantHome.indexOf("data-testid=\"work-queue-CONSULTANT\""));
        assertUrgentFirst(queue, urgent, routine, firstRoutine);
        assertThat(queue.substring(0, queue.indexOf(urgent))).contains("data-testid=\"case-flag\">Urgent<");
        assertUrgentFirst(consultant.get("/tasks?role=CONSULTANT").body(), urgent, routine, firstRoutine);
    }

    @Test
    void theCoordinatorsHomeShowsTheFirstTasksAndLinksToAPageListingAllOfThem() {
        CaseFixtures.World world = fixtures.caseAt(Stage.PANEL_APPROVED, new BigDecimal("25"));
        Actor setup = Actor.system("test");
        for (int i = 1; i <= 12; i++) {
            journey.openTask(setup, world.therapyCase().id(), "Chase document " + i, Role.COORDINATOR,
                    journey.today().plusDays(i));
        }
        journey.openTask(setup, world.therapyCase().id(), "Check the pharmacy stock", Role.PHARMACIST, journey.today());
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);

        String home = coordinator.get("/").body();
        String panel = home.substring(home.indexOf("data-testid=\"work-queue-COORDINATOR\""));
        panel = panel.substring(0, panel.indexOf("Open the worklist"));
        // 12 chased documents, the stage's booking task and the pharmacist's: the coordinator follows every step
        assertThat(count(panel, "data-testid=\"queued-task\"")).isEqualTo(SHOWN);
        assertThat(panel).contains("data-testid=\"all-tasks\"", "See all 14 tasks", "href=\"/tasks\"");

        String all = coordinator.get("/tasks").body();
        assertThat(count(all, "data-testid=\"listed-task\"")).isEqualTo(14);
        assertThat(all).contains("Chase document 12", "Check the pharmacy stock", "Book a manufacturing slot and apheresis");
        String pharmacists = coordinator.get("/tasks?role=PHARMACIST").body();
        assertThat(count(pharmacists, "data-testid=\"listed-task\"")).isEqualTo(1);

        // everyone else sees their own roles' tasks only, and may not ask for another role's
        Http pharmacist = Http.signedIn(port, world.pharmacist().username(), IdentityFixtures.PASSWORD);
        String own = pharmacist.get("/tasks").body();
        assertThat(count(own, "data-testid=\"listed-task\"")).isEqualTo(1);
        assertThat(own).contains("Check the pharmacy stock").doesNotContain("Chase document");
        assertThat(pharmacist.get("/tasks?role=COORDINATOR").statusCode()).isEqualTo(403);
        assertThat(pharmacist.get("/tasks?role=NOBODY").statusCode()).isEqualTo(400);
        CaseFixtures.World elsewhere = fixtures.caseAt(Stage.REFERRED, new BigDecimal("25"));
        assertThat(Http.signedIn(port, elsewhere.coordinator().username(), IdentityFixtures.PASSWORD).get("/tasks").body())
                .doesNotContain(world.therapyCase().reference());
    }

    @Test
    void aWorkQueueWithMoreTasksThanItShowsLinksToAllOfThem() {
        CaseFixtures.World world = fixtures.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        Actor setup = Actor.system("test");
        for (int i = 1; i <= SHOWN; i++) {
            journey.openTask(setup, world.therapyCase().id(), "Check the fridge " + i, Role.PHARMACIST, journey.today());
        }
        Http pharmacist = Http.signedIn(port, world.pharmacist().username(), IdentityFixtures.PASSWORD);
        String home = pharmacist.get("/").body();
        String queue = home.substring(home.indexOf("data-testid=\"work-queue-PHARMACIST\""));
        assertThat(queue).contains("See all 11 tasks", "href=\"/tasks?role=PHARMACIST\"");
        assertThat(count(pharmacist.get("/tasks?role=PHARMACIST").body(), "data-testid=\"listed-task\"")).isEqualTo(11);
    }

    /** How many tasks a home panel shows before "See all N tasks" (journey.web's panels). */
    private static final int SHOWN = 10;

    private String refer(CaseFixtures.World world, String familyName, String urgency) {
        return referrals.refer(world.actor(world.referrer()), new NewReferral(null,
                PatientTestData.details(PatientTestData.nhsNumber(), familyName, LocalDate.of(2017, 3, 2)), "B_ALL",
                null, LocalDate.of(2023, 5, 4), world.centre().id().toString(), "KYMRIAH", "B_ALL", "UK", urgency,
                "Relapsed B-ALL", List.of())).caseReference();
    }

    private CaseId caseOf(String reference) {
        return new CaseId(jdbc.sql("select id from therapy_case where reference = ?").param(reference)
                .query(java.util.UUID.class).single());
    }

    /** The urgent case is listed, and before each of the routine ones. */
    private static void assertUrgentFirst(String page, String urgent, String... routine) {
        assertThat(page).contains(urgent);
        for (String other : routine) {
            assertThat(page).contains(other);
            assertThat(page.indexOf(urgent)).as(urgent + " before " + other).isLessThan(page.indexOf(other));
        }
    }

    private static int count(String page, String marker) {
        return page.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
    }

    private long reads(CaseFixtures.World world) {
        return jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'Work queue on the home page'")
                .param(world.patientId().toString()).query(Long.class).single();
    }
}
