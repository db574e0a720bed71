package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.patient.PatientApiIT.assertInvalid;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.shared.OrganisationKind;
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

/** The clinical history over the API: every kind of entry, bad input for each, voiding, and the snapshot. */
@CartpathIntegrationTest
class PatientHistoryApiIT {

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    static final String YESTERDAY = LocalDate.now().minusDays(1).toString();
    static final String TOMORROW = LocalDate.now().plusDays(2).toString();

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation centre;
    Http asConsultant;
    String patient;

    @BeforeEach
    void aChildRegisteredAtATreatmentCentre() {
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asConsultant = Http.signedIn(port, fixtures.user(centre, Role.CONSULTANT).username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> created = asConsultant.postJson("/api/v1/patients",
                PatientTestData.registration(PatientTestData.nhsNumber(), "History"));
        patient = Http.json(created).get("id").asText();
    }

    @Test
    void recordsAndListsEveryKindOfEntry() {
        Map<String, Map<String, Object>> valid = Map.of(
                "measurements", Map.of("measuredOn", YESTERDAY, "weightKg", 31.5, "heightCm", 138.2),
                "diagnoses", Map.of("code", "B_ALL", "diagnosedOn", "2023-01-10"),
                "disease-statuses", Map.of("assessedOn", YESTERDAY, "refractory", false, "relapseNumber", 2,
                        "relapseAfterTransplant", true, "relapsedOn", "2025-12-01"),
                "therapy-lines", Map.of("lineNumber", 1, "regimen", "UKALL 2011 regimen B", "startedOn", "2023-01-12",
                        "endedOn", "2024-06-30", "bestResponse", "COMPLETE_RESPONSE", "tags", List.of("ANTHRACYCLINE")),
                "transplants", Map.of("type", "ALLOGENEIC", "transplantedOn", "2025-02-01"),
                "antigen-statuses", Map.of("antigen", "CD19", "result", "POSITIVE", "testedOn", YESTERDAY,
                        "method", "Flow cytometry"),
                "cns-statuses", Map.of("status", "CNS1", "assessedOn", YESTERDAY),
                "performance-statuses", Map.of("scale", "LANSKY", "score", 80, "assessedOn", YESTERDAY),
                "organ-functions", Map.of("testedOn", YESTERDAY, "creatinineMicromolPerLitre", 45, "lvefPercent", 62,
                        "spo2Percent", 98),
                "consents", Map.of("type", "TREATMENT", "decision", "GIVEN", "decidedOn", YESTERDAY));
        valid.forEach((kind, body) -> {
            HttpResponse<String> created = asConsultant.postJson(path(kind), body);
            assertThat(created.statusCode()).as(kind + ": " + created.body()).isEqualTo(201);
            JsonNode entry = Http.json(created);
            assertThat(entry.get("recorded").get("organisationName").asText()).isEqualTo(centre.name());
            assertThat(entry.get("voided").isNull()).isTrue();
            JsonNode list = Http.json(asConsultant.get(path(kind)));
            assertThat(list.get("total").asInt()).as(kind).isEqualTo(1);
            assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(entry.get("id").asText());
        });
        JsonNode record = Http.json(asConsultant.get("/api/v1/patients/" + patient));
        assertThat(record.get("latestWeightKg").get("value").decimalValue()).isEqualByComparingTo("31.5");
        assertThat(record.get("latestWeightKg").get("on").asText()).isEqualTo(YESTERDAY);
        assertThat(record.get("latestHeightCm").get("value").decimalValue()).isEqualByComparingTo("138.2");
        assertThat(record.get("therapyLines").get(0).get("tags").get(0).asText()).isEqualTo("ANTHRACYCLINE");
        assertThat(auditActions()).contains("MEASUREMENT_RECORDED", "DIAGNOSIS_RECORDED", "DISEASE_STATUS_RECORDED",
                "THERAPY_LINE_RECORDED", "TRANSPLANT_RECORDED", "ANTIGEN_STATUS_RECORDED", "CNS_STATUS_RECORDED",
                "PERFORMANCE_STATUS_RECORDED", "ORGAN_FUNCTION_RECORDED", "CONSENT_RECORDED");

        JsonNode snapshot = Http.json(asConsultant.get("/api/v1/patients/" + patient + "/clinical-snapshot"));
        assertThat(snapshot.get("indicationCode").asText()).isEqualTo("B_ALL");
        assertThat(snapshot.get("priorLinesOfTherapy").asInt()).isEqualTo(1);
        assertThat(snapshot.get("priorTransplant").asBoolean()).isTrue();
        assertThat(snapshot.get("diseaseStatus").get("relapseNumber").asInt()).isEqualTo(2);
        assertThat(snapshot.get("cd19").get("result").asText()).isEqualTo("POSITIVE");
        assertThat(snapshot.get("bcma").isNull()).isTrue();
        assertThat(snapshot.get("bilirubinMicromolPerLitre").isNull()).isTrue();
        JsonNode before = Http.json(asConsultant.get("/api/v1/patients/" + patient + "/clinical-snapshot?asOf=2023-01-11"));
        assertThat(before.get("ageYears").asInt()).isEqualTo(7);
        assertThat(before.get("indicationCode").asText()).isEqualTo("B_ALL");
        assertThat(before.get("priorLinesOfTherapy").isNull()).isTrue();
        assertThat(before.get("weightKg").isNull()).isTrue();
    }

    @Test
    void refusesBadMeasurementsNamingTheFieldAndWritesNothing() {
        long rows = count("patient_measurement");
        long audit = count("audit_event");
        assertInvalid(post("measurements", measurement("weightKg", 0)), "invalid-request", "weightKg");
        assertInvalid(post("measurements", measurement("weightKg", 350.1)), "invalid-request", "weightKg");
        assertInvalid(post("measurements", measurement("weightKg", -3)), "invalid-request", "weightKg");
        assertInvalid(post("measurements", measurement("heightCm", 29.9)), "invalid-request", "heightCm");
        assertInvalid(post("measurements", measurement("heightCm", 250.1)), "invalid-request", "heightCm");
        assertInvalid(post("measurements", measurement("weightKg", "heavy")), "unreadable-body", "weightKg");
        assertInvalid(post("measurements", measurement("measuredOn", TOMORROW)), "invalid-request", "measuredOn");
        assertInvalid(post("measurements", measurement("measuredOn", "2014-01-01")), "invalid-request", "measuredOn");
        assertInvalid(post("measurements", measurement("measuredOn", "yesterday")), "unreadable-body", "measuredOn");
        assertInvalid(post("measurements", Map.of("measuredOn", YESTERDAY)), "invalid-request", "weightKg");
        assertInvalid(post("measurements", Map.of()), "invalid-request", "measuredOn", "weightKg");
        HttpResponse<String> zero = post("measurements", measurement("weightKg", 0));
        assertThat(Http.json(zero).get("errors").get(0).get("message").asText())
                .isEqualTo("must be more than 0 kg and at most 350 kg");
        assertThat(count("patient_measurement")).isEqualTo(rows);
        assertThat(count("audit_event")).isEqualTo(audit);
    }

    @Test
    void refusesBadEntriesOfEveryOtherKindNamingTheField() {
        Map<String, Long> before = entryCounts();
        assertInvalid(post("diagnoses", Map.of("code", "FLU", "diagnosedOn", YESTERDAY)), "invalid-request", "code");
        assertInvalid(post("diagnoses", Map.of("code", "OTHER", "diagnosedOn", YESTERDAY)), "invalid-request", "description");
        assertInvalid(post("diagnoses", Map.of("code", "FL", "diagnosedOn", TOMORROW)), "invalid-request", "diagnosedOn");
        assertInvalid(post("disease-statuses", Map.of("assessedOn", YESTERDAY, "refractory", "maybe", "relapseNumber", 1,
                "relapseAfterTransplant", false)), "unreadable-body", "refractory");
        assertInvalid(post("disease-statuses", Map.of("assessedOn", YESTERDAY, "refractory", true, "relapseNumber", 0,
                "relapseAfterTransplant", true)), "invalid-request", "relapseAfterTransplant");
        assertInvalid(post("disease-statuses", Map.of("assessedOn", YESTERDAY)), "invalid-request", "refractory",
                "relapseNumber", "relapseAfterTransplant");
        assertInvalid(post("therapy-lines", Map.of("lineNumber", 1, "regimen", "R-CHOP", "startedOn", "2024-01-01",
                "tags", List.of("MAGIC"))), "invalid-request", "tags");
        assertInvalid(post("therapy-lines", Map.of("lineNumber", 1, "regimen", "R-CHOP", "startedOn", "2024-01-01",
                "bestResponse", "CURED")), "invalid-request", "bestResponse");
        assertInvalid(post("therapy-lines", Map.of("lineNumber", "first", "regimen", "R-CHOP", "startedOn",
                "2024-01-01")), "unreadable-body", "lineNumber");
        assertInvalid(post("transplants", Map.of("type", "XENOGENEIC", "transplantedOn", YESTERDAY)), "invalid-request", "type");
        assertInvalid(post("antigen-statuses", Map.of("antigen", "CD22", "result", "POSITIVE", "testedOn", YESTERDAY)),
                "invalid-request", "antigen");
        assertInvalid(post("cns-statuses", Map.of("status", "CNS4", "assessedOn", YESTERDAY)), "invalid-request", "status");
        // the patient was born in 2015: Lansky, never ECOG
        assertInvalid(post("performance-statuses", Map.of("scale", "ECOG", "score", 1, "assessedOn", YESTERDAY)),
                "invalid-request", "scale");
        assertInvalid(post("performance-statuses", Map.of("scale", "LANSKY", "score", 85, "assessedOn", YESTERDAY)),
                "invalid-request", "score");
        assertInvalid(post("organ-functions", Map.of("testedOn", YESTERDAY, "creatinineMicromolPerLitre", 1.1)),
                "invalid-request", "creatinineMicromolPerLitre");
        assertInvalid(post("organ-functions", Map.of("testedOn", YESTERDAY, "spo2Percent", 101)), "invalid-request",
                "spo2Percent");
        assertInvalid(post("consents", Map.of("type", "TREATMENT", "decision", "PERHAPS", "decidedOn", YESTERDAY)),
                "invalid-request", "decision");
        assertThat(entryCounts()).isEqualTo(before);
    }

    @Test
    void aVoidedEntryStaysInTheHistoryButNoLongerCounts() {
        String older = Http.json(post("measurements", Map.of("measuredOn", "2026-01-05", "weightKg", 30))).get("id").asText();
        String wrong = Http.json(post("measurements", Map.of("measuredOn", YESTERDAY, "weightKg", 3.1))).get("id").asText();
        assertThat(Http.json(asConsultant.get("/api/v1/patients/" + patient)).get("latestWeightKg").get("value")
                .decimalValue()).isEqualByComparingTo("3.1");

        String voidPath = "/api/v1/patients/" + patient + "/entries/" + wrong + "/void";
        assertInvalid(asConsultant.postJson(voidPath, Map.of("reason", " ")), "invalid-request", "reason");
        HttpResponse<String> voided = asConsultant.postJson(voidPath, Map.of("reason", "Typed 3.1 for 31"));
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(Http.json(voided).get("voided").get("reason").asText()).isEqualTo("Typed 3.1 for 31");
        HttpResponse<String> again = asConsultant.postJson(voidPath, Map.of("reason", "Again"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("type").asText()).isEqualTo("/problems/already-voided");

        JsonNode record = Http.json(asConsultant.get("/api/v1/patients/" + patient));
        assertThat(record.get("latestWeightKg").get("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(record.get("measurements")).hasSize(2);
        assertThat(Http.json(asConsultant.get("/api/v1/patients/" + patient + "/entries/" + older)).get("voided").isNull())
                .isTrue();
        assertThat(auditActions()).contains("ENTRY_VOIDED");
        assertThat(count("patient_measurement where id = '" + wrong + "'")).isEqualTo(1);

        assertThat(asConsultant.postJson("/api/v1/patients/" + patient + "/entries/" + java.util.UUID.randomUUID()
                + "/void", Map.of("reason", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheOrganisationThatRecordedAnEntryMayVoidIt() {
        String entry = Http.json(post("measurements", Map.of("measuredOn", YESTERDAY, "weightKg", 30))).get("id").asText();
        Organisation referring = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        owner().sql("""
                insert into patient_access (patient_id, organisation_id, reason, granted_at, granted_by_id, granted_by_name)
                values (?::uuid, ?, 'test: shared care', now(), 'test', 'test')""")
                .params(patient, referring.id().value()).update();
        Http asReferrer = Http.signedIn(port, fixtures.user(referring, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> refused = asReferrer.postJson("/api/v1/patients/" + patient + "/entries/" + entry + "/void",
                Map.of("reason", "Not mine"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("patient_entry_void where entry_id = '" + entry + "'")).isZero();
    }

    @Test
    void aReplayedEntryWithTheSameIdempotencyKeyIsRecordedOnce() {
        Map<String, String> key = Map.of("Idempotency-Key", "weigh-" + patient);
        Map<String, Object> body = Map.of("measuredOn", YESTERDAY, "weightKg", 31);
        HttpResponse<String> first = asConsultant.sendJson("POST", path("measurements"), body, key);
        HttpResponse<String> second = asConsultant.sendJson("POST", path("measurements"), body, key);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(Http.json(second).get("id").asText()).isEqualTo(Http.json(first).get("id").asText());
        assertThat(count("patient_measurement where patient_id = '" + patient + "'")).isEqualTo(1);
    }

    @Test
    void everyReadOfTheHistoryIsLogged() {
        asConsultant.get(path("measurements"));
        asConsultant.get("/api/v1/patients/" + patient);
        assertThat(jdbc.sql("select purpose from data_access where entity_id = ? order by id").param(patient)
                .query(String.class).list()).containsExactly("API read", "API read");
    }

    @Test
    void aNurseRecordsWeightButNotADiagnosis() {
        Http asNurse = Http.signedIn(port, fixtures.user(centre, Role.WARD_NURSE).username(), IdentityFixtures.PASSWORD);
        assertThat(asNurse.postJson(path("measurements"), Map.of("measuredOn", YESTERDAY, "weightKg", 30)).statusCode())
                .isEqualTo(201);
        assertThat(asNurse.postJson(path("diagnoses"), Map.of("code", "B_ALL", "diagnosedOn", YESTERDAY)).statusCode())
                .isEqualTo(403);
        Http asAdmin = Http.signedIn(port, fixtures.user(centre, Role.ADMINISTRATOR).username(), IdentityFixtures.PASSWORD);
        assertThat(asAdmin.get("/api/v1/patients/" + patient).statusCode()).isEqualTo(403);
    }

    private static Map<String, Object> measurement(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("measuredOn", YESTERDAY, "weightKg", 31, "heightCm", 138));
        body.put(field, value);
        return body;
    }

    private HttpResponse<String> post(String kind, Map<String, ?> body) {
        return asConsultant.postJson(path(kind), body);
    }

    private String path(String kind) {
        return "/api/v1/patients/" + patient + "/" + kind;
    }

    private long count(String tableAndWhere) {
        return jdbc.sql("select count(*) from " + tableAndWhere).query(Long.class).single();
    }

    private Map<String, Long> entryCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("patient_diagnosis", "patient_disease_status", "patient_therapy_line",
                "patient_transplant", "patient_antigen_status", "patient_cns_status", "patient_performance_status",
                "patient_organ_function", "patient_consent", "audit_event")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_event where entity_type = 'Patient' and entity_id = ? order by id")
                .param(patient).query(String.class).list();
    }

    /** The database's owner, for set-up the application cannot do (not watched by AuditWatch). */
    private JdbcClient owner() {
        return JdbcClient.create(TestDatabase.superuser(database));
    }
}
