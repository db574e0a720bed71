package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Registering, reading, finding and correcting patients over the API: bad input, duplicates, replays, versions. */
@CartpathIntegrationTest
class PatientApiIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation hospital;
    UserAccount referrer;
    Http asReferrer;

    @BeforeEach
    void aReferringHospital() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        referrer = fixtures.user(hospital, Role.REFERRER);
        asReferrer = Http.signedIn(port, referrer.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void registersAPatientAndReadsThemBack() {
        String nhs = PatientTestData.nhsNumber();
        HttpResponse<String> created = asReferrer.postJson("/api/v1/patients", PatientTestData.registration(
                nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6), "Registered"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode patient = Http.json(created);
        String id = patient.get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/patients/" + id);
        assertThat(patient.get("demographics").get("nhsNumber").asText()).isEqualTo(nhs);
        assertThat(patient.get("demographics").get("address").get("postcode").asText()).isEqualTo("LS1 5AB");
        assertThat(patient.get("registeredBy").asText()).isEqualTo(hospital.name());

        HttpResponse<String> read = asReferrer.get("/api/v1/patients/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode record = Http.json(read);
        assertThat(record.get("demographics").get("familyName").asText()).isEqualTo("Registered");
        assertThat(record.get("demographics").get("dateOfBirth").asText()).isEqualTo("2015-03-02");
        assertThat(record.get("demographics").get("sex").asText()).isEqualTo("FEMALE");
        assertThat(record.get("demographicHistory")).hasSize(1);
        assertThat(record.get("latestWeightKg").isNull()).isTrue();
        assertThat(record.get("measurements")).isEmpty();

        assertThat(accessLog(id)).containsExactly("API read");
        List<Map<String, Object>> audit = jdbc.sql("""
                select action, coalesce(before_state, '') || coalesce(after_state, '') as states from audit_event
                where entity_type = 'Patient' and entity_id = ?""").param(id).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("PATIENT_REGISTERED");
        assertThat((String) audit.get(0).get("states")).doesNotContain(nhs, "Registered", "Amira", "2015-03-02", "LS1");
    }

    @Test
    void refusesBadRegistrationsNamingTheFieldAndWritesNothing() {
        long patients = count("patient");
        long audit = count("audit_event");
        String nhs = PatientTestData.nhsNumber();
        assertInvalid(register(Map.of()), "invalid-request", "nhsNumber", "givenName", "familyName", "dateOfBirth", "sex");
        assertInvalid(register(with(nhs, "nhsNumber", "943 476 5918")), "invalid-nhs-number", "nhsNumber");
        assertThat(Http.json(register(with(nhs, "nhsNumber", "943 476 5918"))).get("errors").get(0).get("message")
                .asText()).isEqualTo("is not valid: the check digit does not match, so a digit may be mistyped");
        assertInvalid(register(with(nhs, "nhsNumber", "4444444444")), "invalid-nhs-number", "nhsNumber");
        assertInvalid(register(with(nhs, "nhsNumber", "12345")), "invalid-nhs-number", "nhsNumber");
        assertInvalid(register(with(nhs, "dateOfBirth", LocalDate.now().plusDays(2).toString())), "invalid-request",
                "dateOfBirth");
        assertInvalid(register(with(nhs, "sex", "ALIEN")), "invalid-request", "sex");
        assertInvalid(register(with(nhs, "sex", "female")), "invalid-request", "sex");
        assertInvalid(register(with(nhs, "localHospitalNumber", "MRN#1")), "invalid-request", "localHospitalNumber");
        assertInvalid(register(with(nhs, "dateOfBirth", "2015-02-30")), "unreadable-body", "dateOfBirth");
        assertInvalid(register(with(nhs, "dateOfBirth", 20150302)), "unreadable-body", "dateOfBirth");
        assertInvalid(register(with(nhs, "address", "1 Park Row")), "unreadable-body", "address");
        assertThat(Http.json(asReferrer.postJson("/api/v1/patients", "{not json")).get("type").asText())
                .isEqualTo("/problems/unreadable-body");
        assertThat(count("patient")).isEqualTo(patients);
        assertThat(count("patient_demographics")).isEqualTo(count("patient_demographics"));
        assertThat(count("audit_event")).isEqualTo(audit);
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhs).query(Long.class).single())
                .isZero();
    }

    @Test
    void theSameRegistrationPostedTwiceIsRefusedTheSecondTime() {
        String nhs = PatientTestData.nhsNumber();
        assertThat(register(PatientTestData.registration(nhs, "Twice")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = register(PatientTestData.registration(nhs, "Twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode problem = Http.json(again);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/duplicate-patient");
        assertThat(problem.get("detail").asText())
                .isEqualTo("A patient with this NHS number is already registered; refer them to link the record");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("nhsNumber");
        // the referrer's own hospital registered them, so it may be told which patient it is
        assertThat(problem.has("patientId")).isTrue();
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhs).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anotherHospitalRegisteringTheSameNhsNumberLearnsNothingAboutThePatient() {
        String nhs = PatientTestData.nhsNumber();
        assertThat(register(PatientTestData.registration(nhs, "Canaryfamily")).statusCode()).isEqualTo(201);
        Organisation other = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http asOther = Http.signedIn(port, fixtures.user(other, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> refused = asOther.postJson("/api/v1/patients", PatientTestData.registration(nhs, "Other"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Http.json(refused).has("patientId")).isFalse();
        assertThat(refused.body()).doesNotContain("Canaryfamily", "Amira", "2015-03-02", "LS1");
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyAnswersWithTheFirstPatient() {
        String nhs = PatientTestData.nhsNumber();
        Map<String, Object> body = PatientTestData.registration(nhs, "Replayed");
        Map<String, String> key = Map.of("Idempotency-Key", "epr-" + nhs);
        HttpResponse<String> first = asReferrer.sendJson("POST", "/api/v1/patients", body, key);
        HttpResponse<String> second = asReferrer.sendJson("POST", "/api/v1/patients", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(Http.json(second).get("id").asText()).isEqualTo(Http.json(first).get("id").asText());
        HttpResponse<String> different = asReferrer.sendJson("POST", "/api/v1/patients",
                with(nhs, "familyName", "Different"), key);
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(Http.json(different).get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhs).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void registersAPatientFromOutsideEnglandByLocalHospitalNumber() {
        Map<String, Object> body = PatientTestData.registration(null, "Local");
        body.remove("nhsNumber");
        body.put("localHospitalNumber", "MRN-" + System.nanoTime() % 1_000_000);
        HttpResponse<String> created = register(body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("demographics").get("localNumberIssuerName").asText()).isEqualTo(hospital.name());
        HttpResponse<String> again = register(body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("detail").asText())
                .isEqualTo("A patient with this local hospital number is already registered at your organisation");
        body.put("nhsNumber", PatientTestData.nhsNumber());
        HttpResponse<String> sameLocalNumber = register(body);
        assertThat(sameLocalNumber.statusCode()).isEqualTo(409);
        assertThat(Http.json(sameLocalNumber).get("detail").asText()).contains("local hospital number");
    }

    @Test
    void findsPatientsByNhsNumberOrNameWithinScopeAndLogsEachOneListed() {
        String nhs = PatientTestData.nhsNumber();
        String family = "Searchable" + System.nanoTime() % 100_000;
        String id = Http.json(register(PatientTestData.registration(nhs, family))).get("id").asText();
        JsonNode byNhs = Http.json(asReferrer.get("/api/v1/patients?nhsNumber=" + nhs.substring(0, 3) + "%20"
                + nhs.substring(3)));
        assertThat(byNhs.get("total").asLong()).isEqualTo(1);
        assertThat(byNhs.get("items").get(0).get("id").asText()).isEqualTo(id);
        JsonNode byName = Http.json(asReferrer.get("/api/v1/patients?name=amira%20" + family.substring(0, 6).toLowerCase()));
        assertThat(byName.get("items").valueStream().map(p -> p.get("id").asText())).contains(id);
        assertThat(byName.get("items").get(0).has("address")).isFalse();
        assertThat(accessLog(id)).contains("search");
        assertInvalid(asReferrer.get("/api/v1/patients?nhsNumber=123"), "invalid-nhs-number", "nhsNumber");
        assertInvalid(asReferrer.get("/api/v1/patients?name=a"), "invalid-request", "name");
        assertInvalid(asReferrer.get("/api/v1/patients?size=201"), "invalid-request", "size");
    }

    @Test
    void correctsDemographicsWithIfMatchKeepingEveryVersion() {
        String nhs = PatientTestData.nhsNumber();
        String id = Http.json(register(PatientTestData.registration(nhs, "Before"))).get("id").asText();
        Map<String, Object> change = with(nhs, "familyName", "After");
        change.put("reason", "Spelling corrected from passport");
        String path = "/api/v1/patients/" + id;

        assertThat(asReferrer.sendJson("PUT", path, change, Map.of()).statusCode()).isEqualTo(428);
        assertThat(asReferrer.sendJson("PUT", path, change, Map.of("If-Match", "\"7\"")).statusCode()).isEqualTo(409);
        assertInvalid(asReferrer.sendJson("PUT", path, with(nhs, "dateOfBirth", LocalDate.now().plusDays(1).toString()),
                Map.of("If-Match", "\"0\"")), "invalid-request", "dateOfBirth");

        HttpResponse<String> changed = asReferrer.sendJson("PUT", path, change, Map.of("If-Match", "\"0\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode record = Http.json(changed);
        assertThat(record.get("demographics").get("familyName").asText()).isEqualTo("After");
        assertThat(record.get("demographicHistory").valueStream().map(v -> v.get("familyName").asText()))
                .containsExactly("After", "Before");
        assertThat(record.get("demographicHistory").get(0).get("reason").asText())
                .isEqualTo("Spelling corrected from passport");
        // a replay of the same PUT is stale, and changes nothing
        assertThat(asReferrer.sendJson("PUT", path, change, Map.of("If-Match", "\"0\"")).statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from patient_demographics where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(2);
        String after = jdbc.sql("""
                select after_state from audit_event where entity_id = ? and action = 'DEMOGRAPHICS_CHANGED'""")
                .param(id).query(String.class).single();
        assertThat(after).contains("\"changed\":[\"familyName\"]").doesNotContain("After", "Before");
    }

    @Test
    void anotherPatientsNhsNumberCannotBeTakenByACorrection() {
        String taken = PatientTestData.nhsNumber();
        register(PatientTestData.registration(taken, "Taken"));
        String nhs = PatientTestData.nhsNumber();
        String id = Http.json(register(PatientTestData.registration(nhs, "Mine"))).get("id").asText();
        HttpResponse<String> refused = asReferrer.sendJson("PUT", "/api/v1/patients/" + id,
                PatientTestData.registration(taken, "Mine"), Map.of("If-Match", "\"0\""));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Http.json(refused).get("type").asText()).isEqualTo("/problems/duplicate-patient");
    }

    @Test
    void theOpenApiDocumentDescribesThePatientApiAndItsProblems() {
        JsonNode openapi = Http.json(Http.browser(port).get("/api/v1/openapi"));
        assertThat(openapi.get("paths").has("/api/v1/patients")).isTrue();
        assertThat(openapi.get("paths").has("/api/v1/patients/{id}/measurements")).isTrue();
        assertThat(openapi.get("paths").has("/api/v1/patients/{id}/entries/{entryId}/void")).isTrue();
        assertThat(openapi.get("info").get("description").asText()).contains("/problems/invalid-nhs-number",
                "/problems/duplicate-patient", "/problems/already-voided");
        assertThat(Http.browser(port).get("/problems/invalid-nhs-number").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> register(Map<String, ?> body) {
        return asReferrer.postJson("/api/v1/patients", body);
    }

    private static Map<String, Object> with(String nhs, String field, Object value) {
        Map<String, Object> body = new HashMap<>(PatientTestData.registration(nhs, "Khan"));
        body.put(field, value);
        return body;
    }

    static void assertInvalid(HttpResponse<String> response, String type, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asText())).containsExactlyInAnyOrder(fields);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> accessLog(String patientId) {
        return jdbc.sql("select purpose from data_access where entity_type = 'Patient' and entity_id = ? order by id")
                .param(patientId).query(String.class).list();
    }
}
