package org.cartpath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientTestData;
import org.cartpath.referral.ReferralTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
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
 * Text fields and request bodies have limits (docs/security-and-reliability.md, "Input limits and HTTP edges"):
 * an over-long field is refused with 400 problem+json naming it, a body over 1 MB with 413 naming the limit, and
 * nothing is written either way.
 */
@CartpathIntegrationTest
class InputLimitsIT {

    private static final String HUNDRED_THOUSAND = "x".repeat(100_000);

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    CaseFixtures cases;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    Organisation hospital;
    Organisation centre;
    Http asReferrer;

    @BeforeEach
    void aHospitalThatRefersToACentre() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asReferrer = Http.signedIn(port, fixtures.user(hospital, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void aReferralWithAHundredThousandCharacterDescriptionIsRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Object> body = referral();
        body.put("diagnosisDescription", HUNDRED_THOUSAND);
        JsonNode problem = assertProblem(asReferrer.postJson("/api/v1/referrals", body), 400, "invalid-request",
                "diagnosisDescription");
        assertThat(problem.get("detail").asText()).contains("diagnosisDescription", String.valueOf(TextLimits.LONG));

        Map<String, Object> nested = referral();
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = new HashMap<>((Map<String, Object>) nested.get("patient"));
        patient.put("address", Map.of("line1", HUNDRED_THOUSAND, "town", "Leeds", "postcode", "LS1 5AB"));
        nested.put("patient", patient);
        assertProblem(asReferrer.postJson("/api/v1/referrals", nested), 400, "invalid-request", "patient.address.line1");

        assertThat(referrals()).isZero();
        assertThat(asReferrer.postJson("/api/v1/referrals", referral()).statusCode()).as("the same referral, in bounds")
                .isEqualTo(201);
    }

    @Test
    void aCaseWithdrawalWithAHundredThousandCharacterReasonIsRefusedAndTheCaseStaysOpen() {
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, new BigDecimal("22"));
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        String path = "/api/v1/cases/" + world.therapyCase().id().value() + "/withdrawal";
        JsonNode problem = assertProblem(coordinator.postJson(path, Map.of("reason", HUNDRED_THOUSAND)), 400,
                "invalid-request", "reason");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is longer than 4000 characters");
        assertThat(journey.get(Actor.system("test"), world.therapyCase().id()).therapyCase().stage())
                .isEqualTo(Stage.REFERRED);
        assertThat(coordinator.postJson(path, Map.of("reason", "Family moved abroad; " + "x".repeat(3_900)))
                .statusCode()).as("a long reason within the limit").isEqualTo(200);
    }

    @Test
    void aPageFormWithAHundredThousandCharacterFieldIsRefusedNamingTheFieldAndTheCaseStaysOpen() {
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, new BigDecimal("22"));
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        String page = "/cases/" + world.therapyCase().id().value();
        coordinator.get(page);
        HttpResponse<String> refused = coordinator.postForm(page + "/withdrawal", Map.of("reason", HUNDRED_THOUSAND,
                "ending", "WITHDRAWN"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(refused.body()).contains("reason", "is longer than 10000 characters");
        assertThat(journey.get(Actor.system("test"), world.therapyCase().id()).therapyCase().stage())
                .isEqualTo(Stage.REFERRED);
    }

    @Test
    void aConsentWithAHundredThousandCharacterNoteIsRefusedAndNothingIsRecorded() {
        Http asConsultant = Http.signedIn(port, fixtures.user(centre, Role.CONSULTANT).username(),
                IdentityFixtures.PASSWORD);
        String patient = Http.json(asConsultant.postJson("/api/v1/patients",
                PatientTestData.registration(PatientTestData.nhsNumber(), "Limits"))).get("id").asText();
        assertProblem(asConsultant.postJson("/api/v1/patients/" + patient + "/consents", Map.of("type", "TREATMENT",
                "decision", "GIVEN", "decidedOn", "2026-12-01", "note", HUNDRED_THOUSAND)), 400, "invalid-request", "note");
        assertThat(Http.json(asConsultant.get("/api/v1/patients/" + patient + "/consents")).get("total").asInt()).isZero();
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedWith413NamingTheLimitWhetherOrNotItsLengthWasDeclared() throws Exception {
        Map<String, Object> body = referral();
        body.put("clinicalSummary", "y".repeat(1_100_000));
        String json = Http.JSON.writeValueAsString(body);
        JsonNode declared = assertProblem(asReferrer.postJson("/api/v1/referrals", json), 413, "payload-too-large");
        assertThat(declared.get("maxBytes").asLong()).isEqualTo(1_048_576L);
        assertThat(declared.get("detail").asText()).contains("1048576");

        // streamed in chunks, with no Content-Length: refused once the limit is passed
        Http admin = Http.signedIn(port, fixtures.user(hospital, Role.ADMINISTRATOR).username(),
                IdentityFixtures.PASSWORD);
        String token = Http.json(admin.postJson("/api/v1/api-tokens", Map.of("organisationId", hospital.id().toString(),
                "name", "Record system", "roles", List.of("REFERRER")))).get("secret").asText();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/referrals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(assertProblem(chunked, 413, "payload-too-large").get("maxBytes").asLong()).isEqualTo(1_048_576L);
        assertThat(referrals()).isZero();
    }

    private Map<String, Object> referral() {
        return ReferralTestData.referral(PatientTestData.nhsNumber(), "Limits" + System.nanoTime(), centre.id().toString());
    }

    private long referrals() {
        return jdbc.sql("select count(*) from referral where referring_organisation_id = ?")
                .param(hospital.id().value()).query(Long.class).single();
    }
}
