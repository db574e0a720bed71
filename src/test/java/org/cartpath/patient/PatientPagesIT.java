package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralTestData;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The patient pages over HTTP: the register form and its errors, the record, the add and void forms, and one form per
 * clinical fact (with the signed consent form) whose entries complete eligibility and the pre-infusion checklist.
 */
@CartpathIntegrationTest
class PatientPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseFixtures cases;

    Organisation hospital;
    Http asReferrer;

    @BeforeEach
    void aReferrerSignedIn() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        asReferrer = Http.signedIn(port, fixtures.user(hospital, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void registersThroughTheFormAndShowsThePatientPage() {
        String nhs = PatientTestData.nhsNumber();
        HttpResponse<String> posted = asReferrer.postForm("/patients", form(nhs));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/patients/[0-9a-f-]{36}");
        HttpResponse<String> page = asReferrer.get(location.substring(location.indexOf("/patients")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("PAGEFORM, Amira", formatted(nhs), "has been registered", "2 Mar 2015",
                "Not recorded");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select purpose from data_access where entity_id = ?").param(id).query(String.class).list())
                .containsExactly("patient page");
    }

    @Test
    void showsEachErrorInTheSummaryAndBesideItsFieldAndWritesNothing() {
        long patients = jdbc.sql("select count(*) from patient").query(Long.class).single();
        Map<String, String> bad = form("943 476 5918");
        bad.put("dateOfBirth-day", "31");
        bad.put("dateOfBirth-month", "2");
        bad.put("givenName", "");
        HttpResponse<String> page = asReferrer.postForm("/patients", bad);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem", "<title>Error: Register a patient",
                "NHS number is not valid: the check digit does not match, so a digit may be mistyped",
                "Date of birth must be a real date, for example 27 3 2024", "Given name is required",
                "href=\"#nhsNumber\"", "nhsuk-form-group--error", "value=\"943 476 5918\"");

        Map<String, String> future = form(PatientTestData.nhsNumber());
        future.put("dateOfBirth-year", String.valueOf(LocalDate.now().getYear() + 1));
        assertThat(asReferrer.postForm("/patients", future).body()).contains("Date of birth must not be in the future");
        Map<String, String> noSex = form(PatientTestData.nhsNumber());
        noSex.remove("sex");
        assertThat(asReferrer.postForm("/patients", noSex).body()).contains("Sex is required");
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(patients);
    }

    @Test
    void aDuplicateNhsNumberIsExplainedOnTheForm() {
        String nhs = PatientTestData.nhsNumber();
        asReferrer.postForm("/patients", form(nhs));
        HttpResponse<String> again = asReferrer.postForm("/patients", form(nhs));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(
                "NHS number is already registered for a patient; refer them to link the record", "href=\"#nhsNumber\"");
    }

    @Test
    void recordsAMeasurementAndADiagnosisThroughTheFormsAndVoidsOne() {
        String id = register();
        HttpResponse<String> refused = asReferrer.postForm("/patients/" + id + "/measurements",
                measurement("350.1", "abc"));
        assertThat(refused.body()).contains("Height in cm", "Height must be a number, like 31.5");
        HttpResponse<String> tooHeavy = asReferrer.postForm("/patients/" + id + "/measurements", measurement("350.1", ""));
        assertThat(tooHeavy.body()).contains("Weight must be more than 0 kg and at most 350 kg");
        assertThat(jdbc.sql("select count(*) from patient_measurement where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();

        assertThat(asReferrer.postForm("/patients/" + id + "/measurements", measurement("31.5", "138")).statusCode())
                .isEqualTo(302);
        Map<String, String> diagnosis = new HashMap<>(Map.of("code", "B_ALL", "diagnosedOn-day", "10",
                "diagnosedOn-month", "1", "diagnosedOn-year", "2023"));
        assertThat(asReferrer.postForm("/patients/" + id + "/diagnoses", diagnosis).statusCode()).isEqualTo(302);
        diagnosis.put("code", "NONSENSE");
        assertThat(asReferrer.postForm("/patients/" + id + "/diagnoses", diagnosis).body()).contains("Choose a diagnosis");

        String page = asReferrer.get("/patients/" + id).body();
        assertThat(page).contains("Weight 31.5 kg, height 138 cm", "B-cell acute lymphoblastic leukaemia", "31.5 kg");
        String entry = jdbc.sql("select id::text from patient_measurement where patient_id = ?::uuid").param(id)
                .query(String.class).single();
        assertThat(page).contains("/patients/" + id + "/entries/" + entry + "/void");

        assertThat(asReferrer.get("/patients/" + id + "/entries/" + entry + "/void").body()).contains("Void an entry");
        assertThat(asReferrer.postForm("/patients/" + id + "/entries/" + entry + "/void", Map.of("reason", "")).body())
                .contains("Reason is required");
        assertThat(asReferrer.postForm("/patients/" + id + "/entries/" + entry + "/void",
                Map.of("reason", "Weighed in clothes")).statusCode()).isEqualTo(302);
        String after = asReferrer.get("/patients/" + id).body();
        assertThat(after).contains("<del>Weight 31.5 kg, height 138 cm</del>", "Weighed in clothes", "Voided");
    }

    @Test
    void searchFindsPatientsInScopeByNhsNumberOrName() {
        String id = register();
        String nhs = jdbc.sql("select nhs_number from patient where id = ?::uuid").param(id).query(String.class).single();
        assertThat(asReferrer.get("/patients?q=" + formatted(nhs).replace(" ", "+")).body()).contains("PAGEFORM, Amira");
        assertThat(asReferrer.get("/patients?q=pagef").body()).contains("/patients/" + id);
        assertThat(asReferrer.get("/patients?q=123").body()).contains("There is a problem", "NHS number must be 10 digits");
        assertThat(asReferrer.get("/").body()).contains("href=\"/patients\"");
    }

    // --- the clinical facts eligibility and the pre-infusion checklist read --------------------

    private static final String BOUNDARY = "----cartpathConsentForm";

    private static final List<String> FACT_TABLES = List.of("patient_disease_status", "patient_therapy_line",
            "patient_transplant", "patient_performance_status", "patient_organ_function", "patient_cns_status",
            "patient_antigen_status", "patient_consent", "patient_consent_form");

    @Test
    void eachClinicalFactFormRecordsItsFactAndTheRecordPageShowsItWithDisplayNames() {
        String id = register();
        String record = asReferrer.get("/patients/" + id).body();
        for (String path : List.of("disease-statuses", "therapy-lines", "transplants", "performance-statuses",
                "organ-functions", "cns-statuses", "antigen-statuses", "consents")) {
            assertThat(record).as(path).contains("href=\"/patients/" + id + "/" + path + "/new\"");
            assertThat(asReferrer.get("/patients/" + id + "/" + path + "/new").statusCode()).as(path).isEqualTo(200);
        }
        LocalDate day = LocalDate.now().minusDays(2);
        Map<String, String> status = date("assessedOn", day, Map.of("refractory", "no", "relapseNumber", "2",
                "relapseAfterTransplant", "yes", "monthsFromFirstLineEndToRelapse", "9"));
        date(status, "relapsedOn", day.minusDays(10));
        assertRecorded(asReferrer.postForm("/patients/" + id + "/disease-statuses", status), id, "disease-statuses");
        Map<String, String> line = date("startedOn", LocalDate.of(2024, 1, 10), Map.of("lineNumber", "1",
                "regimen", "UKALL 2011 induction", "bestResponse", "COMPLETE_RESPONSE"));
        date(line, "endedOn", LocalDate.of(2024, 6, 1));
        byte[] withTags = (encoded(line) + "&tags=ANTHRACYCLINE&tags=CD19_DIRECTED").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> lineAdded = asReferrer.send("POST", "/patients/" + id + "/therapy-lines",
                "application/x-www-form-urlencoded", withTags, Map.of());
        assertRecorded(lineAdded, id, "therapy-lines");
        assertRecorded(asReferrer.postForm("/patients/" + id + "/transplants",
                date("transplantedOn", LocalDate.of(2024, 9, 4), Map.of("type", "ALLOGENEIC"))), id, "transplants");
        assertRecorded(asReferrer.postForm("/patients/" + id + "/performance-statuses",
                date("assessedOn", day, Map.of("scale", "LANSKY", "score", "80"))), id, "performance-statuses");
        assertRecorded(asReferrer.postForm("/patients/" + id + "/organ-functions", date("testedOn", day,
                Map.of("creatinine", "0.5", "creatinineUnit", "MG_PER_DL", "bilirubinMicromolPerLitre", "8",
                        "altUnitsPerLitre", "31", "spo2Percent", "98"))), id, "organ-functions");
        assertRecorded(asReferrer.postForm("/patients/" + id + "/cns-statuses",
                date("assessedOn", day, Map.of("status", "CNS1"))), id, "cns-statuses");
        assertRecorded(asReferrer.postForm("/patients/" + id + "/antigen-statuses", date("testedOn", day,
                Map.of("antigen", "CD19", "result", "POSITIVE", "method", "flow cytometry"))), id, "antigen-statuses");
        assertRecorded(consent(asReferrer, id, date("decidedOn", day, Map.of("type", "TREATMENT", "decision", "GIVEN",
                "note", "Both parents signed")), null), id, "consents");

        String page = asReferrer.get("/patients/" + id).body();
        assertThat(page).contains(
                "Not refractory; relapse 2, after transplant; relapsed on " + day.minusDays(10),
                "Line 1: UKALL 2011 induction (to 2024-06-01); best response complete response; includes Anthracycline, "
                        + "CD19-directed therapy",
                "Allogeneic transplant", "Lansky 80",
                // 0.5 mg/dL × 88.4 = 44.2 µmol/L
                "Creatinine 44.2 µmol/L, Bilirubin 8 µmol/L, ALT 31 U/L, SpO2 98%",
                "CNS1: no blasts in the cerebrospinal fluid", "CD19 positive (flow cytometry)",
                "CAR-T treatment: given (Both parents signed)", "Consent to CAR-T treatment");
        assertThat(page).doesNotContain("ALLOGENEIC", "LANSKY", "COMPLETE_RESPONSE", "TREATMENT:", ">GIVEN<");
        assertThat(jdbc.sql("select creatinine_umol_per_l::text from patient_organ_function where patient_id = ?::uuid")
                .param(id).query(String.class).single()).isEqualTo("44.2");

        // a correction is a new entry beside the first; the newest is the latest value
        assertRecorded(asReferrer.postForm("/patients/" + id + "/disease-statuses", date("assessedOn", day.plusDays(1),
                Map.of("refractory", "yes", "relapseNumber", "2", "relapseAfterTransplant", "yes"))), id,
                "disease-statuses");
        String corrected = asReferrer.get("/patients/" + id).body();
        assertThat(corrected).contains("Refractory; relapse 2, after transplant", "Not refractory; relapse 2",
                "Refractory, relapse 2 after transplant");
        assertThat(jdbc.sql("select count(*) from patient_disease_status where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'CONSENT_RECORDED'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachFormWithMissingOrNonsenseValuesShowsTheErrorSummaryInItsOwnLabelsAndRecordsNothing() {
        String id = register();
        String base = "/patients/" + id + "/";
        assertThat(asReferrer.postForm(base + "disease-statuses", Map.of()).body()).contains("There is a problem",
                "<title>Error: Record disease status", "Date assessed is required", "Refractory disease is required",
                "Number of relapses is required", "Relapse after a transplant is required", "href=\"#refractory\"");
        assertThat(asReferrer.postForm(base + "disease-statuses", date("assessedOn", LocalDate.now(),
                Map.of("refractory", "maybe", "relapseNumber", "two", "relapseAfterTransplant", "yes",
                        "relapsedOn-day", "31", "relapsedOn-month", "2", "relapsedOn-year", "2024"))).body())
                .contains("Refractory disease: choose yes or no", "Number of relapses must be a whole number",
                        "Date of the latest relapse must be a real date");
        assertThat(asReferrer.postForm(base + "disease-statuses", date("assessedOn", LocalDate.now(),
                Map.of("refractory", "no", "relapseNumber", "0", "relapseAfterTransplant", "yes"))).body())
                .contains("Relapse after a transplant must be no when the patient has never relapsed");
        assertThat(asReferrer.postForm(base + "therapy-lines", date("startedOn", LocalDate.of(2024, 5, 1),
                Map.of("lineNumber", "0", "endedOn-day", "1", "endedOn-month", "4", "endedOn-year", "2024"))).body())
                .contains("Line number must be 1 to 20", "Regimen is required",
                        "Date ended must not be before the start date");
        assertThat(asReferrer.postForm(base + "therapy-lines", Map.of("lineNumber", "1", "regimen", "R-CHOP",
                "bestResponse", "CURED")).body()).contains("Best response: choose one of the options",
                "Date started is required");
        assertThat(asReferrer.postForm(base + "transplants", Map.of("type", "XENO", "transplantedOn-day", "1",
                "transplantedOn-month", "1", "transplantedOn-year", String.valueOf(LocalDate.now().getYear() + 1))).body())
                .contains("Type of transplant: choose one of the options", "Date of transplant must not be in the future");
        // the patient is 11: the API's rule asks for the Lansky scale
        assertThat(asReferrer.postForm(base + "performance-statuses", date("assessedOn", LocalDate.now(),
                Map.of("scale", "KARNOFSKY", "score", "85"))).body())
                .contains("Scale must be Lansky for a patient under 16", "Score must be 0 to 100 in steps of 10");
        assertThat(asReferrer.postForm(base + "performance-statuses", date("assessedOn", LocalDate.now(),
                Map.of("scale", "LANSKY", "score", "high"))).body()).contains("Score must be a whole number");
        assertThat(asReferrer.postForm(base + "organ-functions", date("testedOn", LocalDate.now(), Map.of())).body())
                .contains("Creatinine or another result is required", "href=\"#creatinine\"");
        assertThat(asReferrer.postForm(base + "organ-functions", date("testedOn", LocalDate.now(),
                Map.of("creatinine", "1.2", "creatinineUnit", "UMOL_PER_L", "altUnitsPerLitre", "lots"))).body())
                .contains("Creatinine must be 5 to 3000 µmol/L (from mg/dL, multiply by 88.4)",
                        "ALT must be a number");
        assertThat(asReferrer.postForm(base + "cns-statuses", Map.of("status", "CNS9")).body())
                .contains("CNS status: choose one of the options", "Date assessed is required");
        assertThat(asReferrer.postForm(base + "antigen-statuses", Map.of("antigen", "CD22")).body())
                .contains("Antigen: choose one of the options", "Result is required", "Date tested is required");
        HttpResponse<String> consent = consent(asReferrer, id, Map.of("decision", "PERHAPS"), null);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("<title>Error: Record consent", "Consent to is required",
                "Decision: choose one of the options", "Date of the decision is required");
        for (String table : FACT_TABLES) {
            assertThat(jdbc.sql("select count(*) from " + table + " where patient_id = ?::uuid").param(id)
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    @Test
    void consentIsRecordedWithItsSignedFormWhichDownloadsAsStoredAndABadFileRecordsNothing() {
        String id = register();
        LocalDate day = LocalDate.now().minusDays(1);
        Map<String, String> given = date("decidedOn", day, Map.of("type", "TREATMENT", "decision", "GIVEN"));
        HttpResponse<String> notAForm = consent(asReferrer, id, given,
                new Object[] {"consent.pdf", "application/pdf", "this is not a PDF".getBytes()});
        assertThat(notAForm.statusCode()).isEqualTo(200);
        assertThat(notAForm.body()).contains("There is a problem",
                "Signed consent form &#39;consent.pdf&#39; is not a PDF, PNG or JPEG file", "href=\"#signedForm\"");
        assertThat(jdbc.sql("select count(*) from patient_consent where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();

        byte[] pdf = ReferralTestData.pdf("Consent to CAR-T, signed by both parents");
        HttpResponse<String> added = consent(asReferrer, id, given,
                new Object[] {"C:\\scans\\consent-signed.pdf", "application/pdf", pdf});
        assertRecorded(added, id, "consents");
        String entry = jdbc.sql("select id::text from patient_consent where patient_id = ?::uuid").param(id)
                .query(String.class).single();
        String page = asReferrer.get("/patients/" + id).body();
        assertThat(page).contains("Consent recorded with the signed form.", "Signed form: consent-signed.pdf (1 KB)",
                "/patients/" + id + "/consents/" + entry + "/form");
        HttpResponse<byte[]> download = asReferrer.download("/patients/" + id + "/consents/" + entry + "/form");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
                "consent-signed.pdf");
        assertThatThrownBy(() -> jdbc.sql("update patient_consent_form set file_name = 'other.pdf' where consent_id = ?::uuid")
                .param(entry).update()).rootCause().hasMessageFindingMatch("permission denied|append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'CONSENT_FORM_ATTACHED'")
                .param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select purpose from data_access where entity_id = ? and purpose = 'signed consent form'")
                .param(id).query(String.class).list()).hasSize(1);

        Organisation other = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http outsider = Http.signedIn(port, fixtures.user(other, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        assertThat(outsider.download("/patients/" + id + "/consents/" + entry + "/form").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsPatientIsNotFoundOnEveryFormAndNothingIsRecorded() {
        String id = register();
        Organisation other = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http outsider = Http.signedIn(port, fixtures.user(other, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        LocalDate day = LocalDate.now().minusDays(1);
        Map<String, Map<String, String>> valid = Map.of(
                "disease-statuses", date("assessedOn", day, Map.of("refractory", "no", "relapseNumber", "1",
                        "relapseAfterTransplant", "no")),
                "therapy-lines", date("startedOn", day, Map.of("lineNumber", "1", "regimen", "R-CHOP")),
                "transplants", date("transplantedOn", day, Map.of("type", "AUTOLOGOUS")),
                "performance-statuses", date("assessedOn", day, Map.of("scale", "LANSKY", "score", "90")),
                "organ-functions", date("testedOn", day, Map.of("creatinine", "40", "creatinineUnit", "UMOL_PER_L")),
                "cns-statuses", date("assessedOn", day, Map.of("status", "CNS1")),
                "antigen-statuses", date("testedOn", day, Map.of("antigen", "CD19", "result", "POSITIVE")));
        valid.forEach((path, form) -> {
            assertThat(outsider.get("/patients/" + id + "/" + path + "/new").statusCode()).as(path).isEqualTo(404);
            assertThat(outsider.postForm("/patients/" + id + "/" + path, form).statusCode()).as(path).isEqualTo(404);
        });
        assertThat(outsider.get("/patients/" + id + "/consents/new").statusCode()).isEqualTo(404);
        assertThat(consent(outsider, id, date("decidedOn", day, Map.of("type", "TREATMENT", "decision", "GIVEN")),
                new Object[] {"consent.pdf", "application/pdf", ReferralTestData.pdf("x")}).statusCode()).isEqualTo(404);
        for (String table : FACT_TABLES) {
            assertThat(jdbc.sql("select count(*) from " + table + " where patient_id = ?::uuid").param(id)
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    @Test
    void aRoleMayRecordOnlyWhatTheApiLetsItRecord() {
        CaseFixtures.World world = cases.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        String id = world.patientId().toString();
        LocalDate day = LocalDate.now().minusDays(1);
        Http nurse = Http.signedIn(port, world.nurse().username(), IdentityFixtures.PASSWORD);
        Http qa = Http.signedIn(port, world.qa().username(), IdentityFixtures.PASSWORD);

        // a ward nurse records laboratory results (as on the API) but not consent or disease status
        String nursesPage = nurse.get("/patients/" + id).body();
        assertThat(nursesPage).contains("Record organ function and laboratory results")
                .doesNotContain("Record consent", "Record disease status");
        assertThat(nurse.get("/patients/" + id + "/consents/new").statusCode()).isEqualTo(403);
        assertThat(consent(nurse, id, date("decidedOn", day, Map.of("type", "TREATMENT", "decision", "GIVEN")), null)
                .statusCode()).isEqualTo(403);
        assertThat(nurse.postForm("/patients/" + id + "/disease-statuses", date("assessedOn", day,
                Map.of("refractory", "no", "relapseNumber", "2", "relapseAfterTransplant", "no"))).statusCode())
                .isEqualTo(403);
        assertRecorded(nurse.postForm("/patients/" + id + "/organ-functions", date("testedOn", day,
                Map.of("creatinine", "38", "creatinineUnit", "UMOL_PER_L"))), id, "organ-functions");
        // QA reads the record but records nothing
        assertThat(qa.get("/patients/" + id).body()).doesNotContain("Record organ function", "Record consent");
        assertThat(qa.get("/patients/" + id + "/organ-functions/new").statusCode()).isEqualTo(403);
        assertThat(qa.postForm("/patients/" + id + "/organ-functions", date("testedOn", day,
                Map.of("creatinine", "38", "creatinineUnit", "UMOL_PER_L"))).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from patient_consent where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from patient_disease_status where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from patient_organ_function where patient_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void consentRecordedOnThePageSatisfiesThePreInfusionChecklistsConsentItem() {
        CaseFixtures.World world = cases.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        String id = world.patientId().toString();
        String checklist = "/api/v1/cases/" + world.therapyCase().id() + "/pre-infusion-checklist";
        Http consultant = Http.signedIn(port, world.consultant().username(), IdentityFixtures.PASSWORD);
        Http nurse = Http.signedIn(port, world.nurse().username(), IdentityFixtures.PASSWORD);
        JsonNode before = consentItem(Http.json(nurse.get(checklist)));
        assertThat(before.get("finding").get("status").asText()).isEqualTo("UNDECIDED");
        assertThat(before.get("finding").get("evidence").asText()).contains("No consent to treatment is recorded");

        LocalDate day = LocalDate.now().minusDays(3);
        assertRecorded(consent(consultant, id, date("decidedOn", day, Map.of("type", "TREATMENT", "decision", "GIVEN")),
                new Object[] {"consent.png", "image/png", ReferralTestData.png()}), id, "consents");

        JsonNode after = consentItem(Http.json(nurse.get(checklist)));
        assertThat(after.get("finding").get("status").asText()).isEqualTo("MET");
        assertThat(after.get("finding").get("evidence").asText()).isEqualTo("Consent to treatment given on " + day
                + " (on the patient's record)");
        assertThat(nurse.get("/cases/" + world.therapyCase().id() + "/pre-infusion-checklist").body())
                .contains("Consent to treatment given on " + day, "href=\"/patients/" + id + "#consents\"");
        // the item is manual: the nurse checks the signed form and ticks it
        JsonNode ticked = consentItem(Http.json(nurse.postJson(checklist + "/ticks",
                Map.of("itemCode", "CONSENT_CURRENT", "note", "Signed form seen"))));
        assertThat(ticked.get("state").asText()).isEqualTo("TICKED");

        // a withdrawal recorded on the page blocks the item, as one recorded through the API does
        assertRecorded(consent(consultant, id, date("decidedOn", LocalDate.now(), Map.of("type", "TREATMENT",
                "decision", "WITHDRAWN")), null), id, "consents");
        JsonNode withdrawn = consentItem(Http.json(nurse.get(checklist)));
        assertThat(withdrawn.get("finding").get("status").asText()).isEqualTo("NOT_MET");
        assertThat(withdrawn.get("state").asText()).isEqualTo("OPEN");
        assertThat(consultant.get("/patients/" + id).body()).contains("Consent to CAR-T treatment", "Withdrawn");
    }

    @Test
    void factsRecordedOnThePagesCompleteTheEligibilityAssessment() {
        CaseFixtures.World world = cases.caseAt(Stage.TRIAGED, new BigDecimal("25"));
        String id = world.patientId().toString();
        String evaluations = "/api/v1/cases/" + world.therapyCase().id() + "/eligibility-evaluations";
        Http consultant = Http.signedIn(port, world.consultant().username(), IdentityFixtures.PASSWORD);
        JsonNode before = Http.json(consultant.postJson(evaluations, Map.of())).get("evaluation");
        assertThat(before.get("outcome").asText()).isNotEqualTo("MET");

        LocalDate day = LocalDate.now().minusDays(1);
        assertThat(consultant.postForm("/patients/" + id + "/diagnoses", date("diagnosedOn", LocalDate.of(2023, 1, 10),
                Map.of("code", "B_ALL"))).statusCode()).isEqualTo(302);
        assertRecorded(consultant.postForm("/patients/" + id + "/disease-statuses", date("assessedOn", day,
                Map.of("refractory", "no", "relapseNumber", "2", "relapseAfterTransplant", "no"))), id,
                "disease-statuses");
        assertRecorded(consultant.postForm("/patients/" + id + "/antigen-statuses", date("testedOn", day,
                Map.of("antigen", "CD19", "result", "POSITIVE"))), id, "antigen-statuses");
        assertRecorded(consultant.postForm("/patients/" + id + "/performance-statuses", date("assessedOn", day,
                Map.of("scale", "LANSKY", "score", "90"))), id, "performance-statuses");

        JsonNode after = Http.json(consultant.postJson(evaluations, Map.of())).get("evaluation");
        assertThat(after.get("outcome").asText()).isEqualTo("MET");
        String facts = after.get("facts").toString();
        assertThat(facts).contains("relapse number 2", "Positive on " + day, "Lansky 90 on " + day);
    }

    private static JsonNode consentItem(JsonNode checklist) {
        for (JsonNode item : checklist.get("items")) {
            if (item.get("item").get("code").asText().equals("CONSENT_CURRENT")) {
                return item;
            }
        }
        throw new AssertionError("no consent item in " + checklist);
    }

    private static void assertRecorded(HttpResponse<String> response, String id, String section) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/patients/" + id + "#" + section);
    }

    private static HttpResponse<String> consent(Http http, String id, Map<String, String> fields, Object[] file) {
        return http.send("POST", "/patients/" + id + "/consents", "multipart/form-data; boundary=" + BOUNDARY,
                ReferralTestData.multipart(BOUNDARY, fields, file == null ? Map.of() : Map.of("signedForm", file)),
                Map.of());
    }

    private static Map<String, String> date(String name, LocalDate day, Map<String, String> others) {
        Map<String, String> form = new HashMap<>(others);
        date(form, name, day);
        return form;
    }

    private static void date(Map<String, String> form, String name, LocalDate day) {
        form.put(name + "-day", String.valueOf(day.getDayOfMonth()));
        form.put(name + "-month", String.valueOf(day.getMonthValue()));
        form.put(name + "-year", String.valueOf(day.getYear()));
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private String register() {
        String location = asReferrer.postForm("/patients", form(PatientTestData.nhsNumber())).headers()
                .firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        asReferrer.get("/patients/" + id); // shows, and so ends, the "has been registered" message
        return id;
    }

    static Map<String, String> form(String nhs) {
        Map<String, String> form = new HashMap<>();
        form.put("nhsNumber", nhs);
        form.put("givenName", "Amira");
        form.put("familyName", "Pageform");
        form.put("dateOfBirth-day", "2");
        form.put("dateOfBirth-month", "3");
        form.put("dateOfBirth-year", "2015");
        form.put("sex", "FEMALE");
        form.put("address.town", "Leeds");
        return form;
    }

    private static Map<String, String> measurement(String weight, String height) {
        LocalDate day = LocalDate.now().minusDays(1);
        return Map.of("measuredOn-day", String.valueOf(day.getDayOfMonth()), "measuredOn-month",
                String.valueOf(day.getMonthValue()), "measuredOn-year", String.valueOf(day.getYear()),
                "weightKg", weight, "heightCm", height);
    }

    static String formatted(String nhs) {
        return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
    }
}
