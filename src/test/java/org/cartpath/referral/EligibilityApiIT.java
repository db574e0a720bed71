package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.PatientManagement;
import org.cartpath.referral.ReferralFixtures.Centre;
import org.cartpath.referral.ReferralFixtures.Patient;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The eligibility API: run, confirm or override, sign, store as shown; bad input, scope and replays. */
@CartpathIntegrationTest
class EligibilityApiIT {

    static final String MANUFACTURER_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";

    @LocalServerPort
    int port;

    @Autowired
    ReferralFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    PatientManagement patients;

    @Autowired
    JdbcClient jdbc;

    Centre centre;
    Http consultant;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre();
        consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void theConsultantSeesEachCriterionConfirmsAndTheCaseMovesOnUnderItsLabelVersion() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient);
        JsonNode preview = Http.json(consultant.postJson(path + "/eligibility-evaluations", Map.of()));
        assertThat(preview.get("evaluation").get("outcome").asText()).isEqualTo("MET");
        assertThat(preview.get("evaluation").get("labelVersionId").asText()).isEqualTo("KYMRIAH-UK-2026-11");
        JsonNode age = preview.get("evaluation").get("pathways").get(0).get("criteria").get(0);
        assertThat(age.get("outcome").asText()).isEqualTo("MET");
        assertThat(age.get("dataUsed").asText()).isEqualTo("age 9 on " + journey.today());
        assertThat(age.get("source").asText()).isEqualTo("NICE TA975 §1.1: people 25 years and under");
        assertThat(count(patient)).isZero();

        HttpResponse<String> recorded = consultant.postJson(path + "/eligibility-assessments", confirm(preview));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode assessment = Http.json(recorded);
        assertThat(assessment.get("version").asInt()).isEqualTo(1);
        assertThat(assessment.get("decision").asText()).isEqualTo("CONFIRMED");
        assertThat(assessment.get("proceeds").asBoolean()).isTrue();
        assertThat(assessment.get("signature").asText()).contains(centre.consultant().displayName()).contains("approved");
        assertThat(assessment.get("signatureVerified").asBoolean()).isTrue();
        assertThat(assessment.get("evaluationDigest").asText()).isEqualTo(preview.get("evaluationDigest").asText());

        TherapyCase after = journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase();
        assertThat(after.stage()).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
        assertThat(after.labelVersionId()).isEqualTo("KYMRIAH-UK-2026-11");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'ELIGIBILITY_ASSESSMENT_RECORDED'")
                .param(assessment.get("id").asText()).query(Long.class).single()).isEqualTo(1);

        JsonNode list = Http.json(consultant.get(path + "/eligibility-assessments"));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("evaluation")).isEqualTo(preview.get("evaluation"));
    }

    @Test
    void theAssessmentStaysAsShownWhenThePatientsDataChangesAndAStaleConfirmationIsRefused() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient);
        JsonNode preview = Http.json(consultant.postJson(path + "/eligibility-evaluations", Map.of()));
        patients.record(centre.coordinatorActor(), patient.id(),
                new DiseaseStatus(journey.today(), false, 1, false, null, null));

        HttpResponse<String> stale = consultant.postJson(path + "/eligibility-assessments", confirm(preview));
        assertProblem(stale, 409, "eligibility-changed");
        assertThat(count(patient)).isZero();
        assertThat(stage(patient)).isEqualTo(Stage.TRIAGED);

        JsonNode fresh = Http.json(consultant.postJson(path + "/eligibility-evaluations", Map.of()));
        assertThat(fresh.get("evaluation").get("outcome").asText()).isEqualTo("NOT_MET");
        JsonNode stopped = Http.json(consultant.postJson(path + "/eligibility-assessments", confirm(fresh)));
        assertThat(stopped.get("proceeds").asBoolean()).isFalse();
        assertThat(stage(patient)).isEqualTo(Stage.TRIAGED);

        patients.record(centre.coordinatorActor(), patient.id(),
                new DiseaseStatus(journey.today(), false, 2, false, null, null));
        JsonNode stored = Http.json(consultant.get(path + "/eligibility-assessments")).get("items").get(0);
        assertThat(stored.get("evaluation")).isEqualTo(fresh.get("evaluation"));
        assertThat(stored.get("signatureVerified").asBoolean()).isTrue();
    }

    @Test
    void anOverrideNeedsAReasonAndDoesTheOppositeOfTheResult() {
        Patient notMet = fixtures.childInFirstRelapse(centre, Stage.TRIAGED);
        Map<String, Object> override = body("OVERRIDDEN", null);
        assertProblem(consultant.postJson(casePath(notMet) + "/eligibility-assessments", override), 400,
                "invalid-request", "reason");
        assertThat(count(notMet)).isZero();

        override.put("reason", "Relapse after CNS-directed therapy: the panel agreed to consider it");
        JsonNode proceeds = Http.json(consultant.postJson(casePath(notMet) + "/eligibility-assessments", override));
        assertThat(proceeds.get("evaluation").get("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(proceeds.get("proceeds").asBoolean()).isTrue();
        assertThat(proceeds.get("signature").asText()).contains("overridden");
        assertThat(stage(notMet)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);

        Patient met = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        JsonNode stops = Http.json(consultant.postJson(casePath(met) + "/eligibility-assessments",
                body("OVERRIDDEN", "Family declines treatment for now")));
        assertThat(stops.get("evaluation").get("outcome").asText()).isEqualTo("MET");
        assertThat(stops.get("proceeds").asBoolean()).isFalse();
        assertThat(stage(met)).isEqualTo(Stage.TRIAGED);
    }

    @Test
    void unknownDataIsShownAsUnknownAndConfirmingItDoesNotProceed() {
        Patient patient = fixtures.childWithoutStatus(centre, Stage.TRIAGED);
        JsonNode assessment = Http.json(consultant.postJson(casePath(patient) + "/eligibility-assessments",
                body("CONFIRMED", null)));
        assertThat(assessment.get("evaluation").get("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(assessment.get("evaluation").get("pathways").get(0).get("criteria").get(1).get("dataUsed").asText())
                .startsWith("no disease status recorded");
        assertThat(assessment.get("proceeds").asBoolean()).isFalse();
        assertThat(stage(patient)).isEqualTo(Stage.TRIAGED);
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsWritten() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        Map<String, Object> wrong = body("CONFIRMED", null);
        wrong.put("password", "not-my-password");
        assertProblem(consultant.postJson(casePath(patient) + "/eligibility-assessments", wrong), 422, "signature-refused");
        assertThat(count(patient)).isZero();
        TherapyCase unchanged = journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase();
        assertThat(unchanged.stage()).isEqualTo(Stage.TRIAGED);
        assertThat(unchanged.version()).isEqualTo(patient.therapyCase().version());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGNATURE_REFUSED' and actor_id = ?")
                .param(centre.consultant().id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nonsenseAndMissingValuesAreRefusedByFieldAndWriteNothing() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient) + "/eligibility-assessments";
        assertProblem(consultant.postJson(path, Map.of("password", IdentityFixtures.PASSWORD)), 400, "invalid-request", "decision");
        assertProblem(consultant.postJson(path, body("confirmed", null)), 400, "invalid-request", "decision");
        Map<String, Object> noPassword = body("CONFIRMED", null);
        noPassword.remove("password");
        assertProblem(consultant.postJson(path, noPassword), 400, "invalid-request", "password");
        Map<String, Object> product = body("CONFIRMED", null);
        product.put("productCode", "NOPE");
        assertProblem(consultant.postJson(path, product), 400, "invalid-request", "productCode");
        Map<String, Object> noUkLabel = body("CONFIRMED", null);
        noUkLabel.put("productCode", "ABECMA");
        assertProblem(consultant.postJson(path, noUkLabel), 422, "not-in-catalogue");
        Map<String, Object> noSuchIndication = body("CONFIRMED", null);
        noSuchIndication.put("indication", "LBCL");
        assertProblem(consultant.postJson(path, noSuchIndication), 422, "not-in-catalogue");
        Map<String, Object> longReason = body("OVERRIDDEN", "x".repeat(1001));
        assertProblem(consultant.postJson(path, longReason), 400, "invalid-request", "reason");
        assertProblem(consultant.postJson(path, "{not json"), 400, "unreadable-body");
        assertProblem(consultant.postJson("/api/v1/cases/not-a-case/eligibility-assessments", body("CONFIRMED", null)),
                404, "not-found");
        assertThat(count(patient)).isZero();
        assertThat(stage(patient)).isEqualTo(Stage.TRIAGED);
    }

    @Test
    void aReassessmentIsTheNextVersionAndNeedsAReason() {
        Patient patient = fixtures.childInFirstRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient) + "/eligibility-assessments";
        Http.json(consultant.postJson(path, body("CONFIRMED", null)));
        assertProblem(consultant.postJson(path, body("CONFIRMED", null)), 400, "invalid-request", "reason");
        patients.record(centre.coordinatorActor(), patient.id(),
                new DiseaseStatus(journey.today(), false, 2, false, null, null));
        JsonNode second = Http.json(consultant.postJson(path, body("CONFIRMED", "Second relapse confirmed on marrow")));
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("proceeds").asBoolean()).isTrue();
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
        assertThat(Http.json(consultant.get(path)).get("items").valueStream().map(i -> i.get("version").asInt())).containsExactly(2, 1);
    }

    @Test
    void anAssessmentOutOfStageOrderIsRefusedNamingTheStage() {
        Patient referred = fixtures.childInSecondRelapse(centre, Stage.REFERRED);
        JsonNode problem = assertProblem(consultant.postJson(casePath(referred) + "/eligibility-assessments",
                body("CONFIRMED", null)), 409, "illegal-transition");
        assertThat(problem.get("currentStage").asText()).isEqualTo("REFERRED");
        Patient approved = fixtures.childInSecondRelapse(centre, Stage.PANEL_APPROVED);
        assertProblem(consultant.postJson(casePath(approved) + "/eligibility-assessments", body("CONFIRMED", null)),
                409, "illegal-transition");
        assertThat(count(referred) + count(approved)).isZero();
    }

    @Test
    void onlyTheTreatingCentresConsultantsAssessAndOnlyPartiesThatSeeTheCaseInFullReadIt() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient) + "/eligibility-assessments";
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        assertProblem(coordinator.postJson(path, body("CONFIRMED", null)), 403, "forbidden");
        Centre other = fixtures.centre();
        Http otherConsultant = Http.signedIn(port, other.consultant().username(), IdentityFixtures.PASSWORD);
        assertProblem(otherConsultant.postJson(path, body("CONFIRMED", null)), 404, "not-found");
        assertProblem(otherConsultant.get(path), 404, "not-found");
        assertThat(count(patient)).isZero();

        Http.json(consultant.postJson(path, body("CONFIRMED", null)));
        assertThat(Http.json(coordinator.get(path)).get("total").asInt()).isEqualTo(1);
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertThat(Http.json(referrer.get(path)).get("total").asInt()).isEqualTo(1);

        Http manufacturer = Http.token(port, MANUFACTURER_TOKEN);
        assertProblem(manufacturer.get(path), 404, "not-found");
        OrganisationId novartis = jdbc.sql("select id from organisation where name = 'Novartis Cell Therapy (demo)'")
                .query(UUID.class).optional().map(OrganisationId::new).orElseThrow();
        journey.addParty(Actor.system("test"), patient.therapyCase().id(), novartis, PartyRole.MANUFACTURER);
        HttpResponse<String> asParty = manufacturer.get(path);
        assertProblem(asParty, 404, "not-found");
        assertThat(asParty.body()).doesNotContain(ReferralFixtures.FAMILY_NAME);
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyAnswersTheFirstAssessmentAndWritesOnce() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        String path = casePath(patient) + "/eligibility-assessments";
        Map<String, String> key = Map.of("Idempotency-Key", "eligibility-" + ReferralFixtures.unique());
        HttpResponse<String> first = consultant.sendJson("POST", path, body("CONFIRMED", null), key);
        HttpResponse<String> replay = consultant.sendJson("POST", path, body("CONFIRMED", null), key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(Http.json(replay).get("id")).isEqualTo(Http.json(first).get("id"));
        assertThat(count(patient)).isEqualTo(1);
        assertProblem(consultant.sendJson("POST", path, body("OVERRIDDEN", "different"), key), 422,
                "idempotency-key-reused");
        assertThat(count(patient)).isEqualTo(1);
    }

    private static String casePath(Patient patient) {
        return "/api/v1/cases/" + patient.therapyCase().id();
    }

    private static Map<String, Object> confirm(JsonNode preview) {
        Map<String, Object> body = body("CONFIRMED", null);
        body.put("evaluationDigest", preview.get("evaluationDigest").asText());
        return body;
    }

    private static Map<String, Object> body(String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("password", IdentityFixtures.PASSWORD);
        return body;
    }

    private long count(Patient patient) {
        return jdbc.sql("select count(*) from eligibility_assessment where case_id = ?")
                .param(patient.therapyCase().id().value()).query(Long.class).single();
    }

    private Stage stage(Patient patient) {
        return journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase().stage();
    }
}
