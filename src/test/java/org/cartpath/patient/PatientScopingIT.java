package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who sees a patient: the registering hospital and the organisations given access, nobody else (404 in
 * the API and the pages); manufacturers and couriers never, not even when wrongly given access; linking
 * a referral to an existing patient.
 */
@CartpathIntegrationTest
class PatientScopingIT {

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    static final String MANUFACTURER_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String[] KINDS = {"measurements", "diagnoses", "disease-statuses", "therapy-lines", "transplants",
            "antigen-statuses", "cns-statuses", "performance-statuses", "organ-functions", "consents"};

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientManagement patients;

    Organisation hospitalA;
    UserAccount referrerA;
    Http asA;
    String nhs;
    String patient;
    String entry;

    @BeforeEach
    void hospitalARegistersACanaryPatient() {
        hospitalA = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        referrerA = fixtures.user(hospitalA, Role.REFERRER);
        asA = Http.signedIn(port, referrerA.username(), IdentityFixtures.PASSWORD);
        nhs = PatientTestData.nhsNumber();
        Map<String, Object> body = new HashMap<>(PatientTestData.registration(nhs, "Canarywren"));
        body.put("givenName", "Zephyrine");
        body.put("dateOfBirth", "2011-11-11");
        body.put("address", Map.of("line1", "7 Canary Wharf Lane", "postcode", "ZZ9 9ZZ"));
        patient = Http.json(asA.postJson("/api/v1/patients", body)).get("id").asText();
        entry = Http.json(asA.postJson("/api/v1/patients/" + patient + "/measurements",
                Map.of("measuredOn", LocalDate.now().minusDays(1).toString(), "weightKg", 44))).get("id").asText();
    }

    @Test
    void anotherHospitalGetsNotFoundEverywhereInTheApiAndThePages() {
        Organisation hospitalB = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http asB = Http.signedIn(port, fixtures.user(hospitalB, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        List<HttpResponse<String>> responses = everyPatientRequest(asB);
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        assertThat(Http.json(asB.get("/api/v1/patients?nhsNumber=" + nhs)).get("total").asInt()).isZero();
        assertThat(Http.json(asB.get("/api/v1/patients?name=canarywren")).get("total").asInt()).isZero();
        assertThat(asB.get("/patients?q=Canarywren").body()).doesNotContain("Canarywren".toUpperCase(), "Zephyrine");
        assertNoCanary(responses);
        assertThat(jdbc.sql("select count(*) from patient_measurement where patient_id = ?::uuid").param(patient)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from data_access where entity_id = ? and organisation_id = ?")
                .params(patient, hospitalB.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aManufacturerSeesNoPatientAnywhereEvenWhenWronglyGivenAccess() {
        UUID novartis = jdbc.sql("select id from organisation where name = 'Novartis Cell Therapy (demo)'")
                .query(UUID.class).single();
        owner().sql("""
                insert into patient_access (patient_id, organisation_id, reason, granted_at, granted_by_id, granted_by_name)
                values (?::uuid, ?, 'test: a misconfiguration', now(), 'test', 'test')""").params(patient, novartis).update();
        Http person = Http.signedIn(port, "manufacturer", "cartpath-demo");
        // the manufacturer's system by its API token (pages are for people only), and its operator signed in
        List<HttpResponse<String>> responses = new ArrayList<>(everyPatientRequest(Http.token(port, MANUFACTURER_TOKEN), false));
        responses.addAll(everyPatientRequest(person, true));
        for (Http manufacturer : List.of(Http.token(port, MANUFACTURER_TOKEN), person)) {
            responses.add(manufacturer.get("/api/v1/patients"));
            responses.add(manufacturer.get("/api/v1/patients?nhsNumber=" + nhs));
            responses.add(manufacturer.get("/api/v1/patients?name=canarywren"));
            responses.add(manufacturer.postJson("/api/v1/patients", PatientTestData.registration(
                    PatientTestData.nhsNumber(), "Manufactured")));
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        List<HttpResponse<String>> pages = List.of(person.get("/patients"), person.get("/patients?q=Canarywren"),
                person.get("/patients/new"), person.postForm("/patients", PatientPagesIT.form(PatientTestData.nhsNumber())));
        assertThat(pages).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(404));
        HttpResponse<String> home = person.get("/");
        assertThat(home.body()).doesNotContain("href=\"/patients\"");
        responses.addAll(pages);
        responses.add(home);
        assertNoCanary(responses);
        assertThat(jdbc.sql("select count(*) from patient where family_name = 'Manufactured'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aCourierSeesNoPatientEither() {
        UserAccount courier = fixtures.user(fixtures.organisation(OrganisationKind.COURIER), Role.COURIER);
        List<HttpResponse<String>> responses = everyPatientRequest(Http.signedIn(port, courier.username(),
                IdentityFixtures.PASSWORD));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        assertNoCanary(responses);
    }

    @Test
    void aReferralLinksTheExistingPatientAndGivesTheCentreAccess() {
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount coordinator = fixtures.user(centre, Role.COORDINATOR);
        Http asCentre = Http.signedIn(port, coordinator.username(), IdentityFixtures.PASSWORD);
        assertThat(asCentre.get("/api/v1/patients/" + patient).statusCode()).isEqualTo(404);

        PatientManagement.Registration linked = patients.findOrRegister(actor(coordinator, centre),
                PatientTestData.details(nhs, "Canary-Wren", LocalDate.of(2011, 11, 11)), "Referral R-1 to " + centre.name());
        assertThat(linked.created()).isFalse();
        assertThat(linked.patient().id().toString()).isEqualTo(patient);
        assertThat(linked.patient().demographics().familyName()).isEqualTo("Canarywren");

        JsonNode record = Http.json(asCentre.get("/api/v1/patients/" + patient));
        assertThat(record.get("measurements")).hasSize(1);
        assertThat(asCentre.get("/patients/" + patient).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select reason from patient_access where patient_id = ?::uuid and organisation_id = ?")
                .params(patient, centre.id().value()).query(String.class).list())
                .containsExactly("Referral R-1 to " + centre.name());
        assertThat(auditActions()).contains("PATIENT_LINKED");

        // linking again for the same reason changes nothing
        patients.findOrRegister(actor(coordinator, centre), PatientTestData.details(nhs, "Canarywren",
                LocalDate.of(2011, 11, 11)), "Referral R-1 to " + centre.name());
        assertThat(auditActions().stream().filter("PATIENT_LINKED"::equals)).hasSize(1);
    }

    @Test
    void aReferralWithAnotherDateOfBirthIsNotLinked() {
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount coordinator = fixtures.user(centre, Role.COORDINATOR);
        assertThatThrownBy(() -> patients.findOrRegister(actor(coordinator, centre),
                PatientTestData.details(nhs, "Canarywren", LocalDate.of(2011, 11, 12)), "Referral R-2"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("patient-details-mismatch");
                    assertThat(e.detail()).doesNotContain("2011", "Canarywren");
                });
        assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ?::uuid and organisation_id = ?")
                .params(patient, centre.id().value()).query(Long.class).single()).isZero();
        assertThat(auditActions()).contains("PATIENT_LINK_REFUSED");
    }

    @Test
    void aReferralOfANewPatientRegistersThem() {
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        PatientManagement.Registration registered = patients.findOrRegister(actor(fixtures.user(centre, Role.CONSULTANT),
                centre), PatientTestData.details(PatientTestData.nhsNumber(), "Newly", LocalDate.of(1990, 1, 1)), "Referral R-3");
        assertThat(registered.created()).isTrue();
        assertThat(registered.patient().registeredBy()).isEqualTo(centre.name());
    }

    @Test
    void accessIsGivenOnlyToOrganisationsThatMaySeePatients() {
        Actor a = actor(referrerA, hospitalA);
        PatientId id = PatientId.of(patient);
        Organisation manufacturer = fixtures.organisation(OrganisationKind.MANUFACTURER);
        assertThatThrownBy(() -> patients.grantAccess(a, id, manufacturer.id(), "Shipment"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("identity-not-shared"));
        assertThatThrownBy(() -> patients.grantAccess(a, id, OrganisationId.random(), "Referral"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        Organisation stranger = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Actor outsider = actor(fixtures.user(stranger, Role.REFERRER), stranger);
        assertThatThrownBy(() -> patients.grantAccess(outsider, id, stranger.id(), "Let me in"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));

        Organisation panel = fixtures.organisation(OrganisationKind.NATIONAL_PANEL);
        patients.grantAccess(Actor.system("referral"), id, panel.id(), "Case put to the national panel");
        Http asPanel = Http.signedIn(port, fixtures.user(panel, Role.PANEL_MEMBER).username(), IdentityFixtures.PASSWORD);
        assertThat(asPanel.get("/api/v1/patients/" + patient).statusCode()).isEqualTo(200);
        assertThat(auditActions()).contains("PATIENT_ACCESS_GRANTED");
    }

    private List<HttpResponse<String>> everyPatientRequest(Http as) {
        return everyPatientRequest(as, true);
    }

    private List<HttpResponse<String>> everyPatientRequest(Http as, boolean pages) {
        String base = "/api/v1/patients/" + patient;
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(as.get(base));
        responses.add(as.get(base + "/clinical-snapshot"));
        responses.add(as.get(base + "/entries/" + entry));
        responses.add(as.sendJson("PUT", base, PatientTestData.registration(nhs, "Hijacked"), Map.of("If-Match", "\"0\"")));
        responses.add(as.postJson(base + "/entries/" + entry + "/void", Map.of("reason", "Hostile")));
        for (String kind : KINDS) {
            responses.add(as.get(base + "/" + kind));
            responses.add(as.postJson(base + "/" + kind, Map.of()));
        }
        if (!pages) {
            return responses;
        }
        responses.add(as.get("/patients/" + patient));
        responses.add(as.get("/patients/" + patient + "/measurements/new"));
        responses.add(as.get("/patients/" + patient + "/diagnoses/new"));
        responses.add(as.get("/patients/" + patient + "/entries/" + entry + "/void"));
        responses.add(as.postForm("/patients/" + patient + "/measurements", Map.of("weightKg", "1")));
        return responses;
    }

    private void assertNoCanary(List<HttpResponse<String>> responses) {
        String[] canaries = {"Canarywren", "CANARYWREN", "Zephyrine", nhs, PatientPagesIT.formatted(nhs), "2011-11-11",
                "11 Nov 2011", "ZZ9 9ZZ", "Canary Wharf"};
        assertThat(responses).allSatisfy(r -> assertThat(r.body()).as(r.uri().toString()).doesNotContain(canaries));
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_event where entity_type = 'Patient' and entity_id = ? order by id")
                .param(patient).query(String.class).list();
    }

    static Actor actor(UserAccount user, Organisation organisation) {
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
    }

    /** The database's owner, for set-up the application cannot do (not watched by AuditWatch). */
    private JdbcClient owner() {
        return JdbcClient.create(TestDatabase.superuser(database));
    }
}
