package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.identity.Organisation;
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

/** The patient pages over HTTP: the register form and its errors, the record, the add and void forms. */
@CartpathIntegrationTest
class PatientPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

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

    private String register() {
        String location = asReferrer.postForm("/patients", form(PatientTestData.nhsNumber())).headers()
                .firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
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
