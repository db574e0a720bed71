package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.patient.PatientTestData;
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

/** The referral API: referring, triage (accept, decline, ask), the question-and-answer loop, replays, duplicates. */
@CartpathIntegrationTest
class ReferralApiIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation hospital;
    Organisation centre;
    Http asReferrer;
    Http asCoordinator;

    @BeforeEach
    void aHospitalAndACentre() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asReferrer = Http.signedIn(port, fixtures.user(hospital, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        asCoordinator = Http.signedIn(port, fixtures.user(centre, Role.COORDINATOR).username(), IdentityFixtures.PASSWORD);
    }

    private JsonNode refer(String familyName) {
        HttpResponse<String> created = asReferrer.postJson("/api/v1/referrals",
                ReferralTestData.referral(PatientTestData.nhsNumber(), familyName, centre.id().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created);
    }

    private HttpResponse<String> triage(Http as, String id, Map<String, Object> decision) {
        return as.postJson("/api/v1/referrals/" + id + "/triage-decision", decision);
    }

    @Test
    void aReferralOpensTheCaseAndTheCentreAcceptsIt() {
        JsonNode referral = refer("Accepted");
        String id = referral.get("id").asText();
        assertThat(referral.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(referral.get("caseStage").asText()).isEqualTo("REFERRED");
        assertThat(referral.get("caseReference").asText()).startsWith("CP-");
        assertThat(referral.get("centreName").asText()).isEqualTo(centre.name());
        String patient = referral.get("patientId").asText();
        // the centre was given access to the patient, and the diagnosis went into the patient's history
        JsonNode record = Http.json(asCoordinator.get("/api/v1/patients/" + patient));
        assertThat(record.get("diagnoses").get(0).get("code").asText()).isEqualTo("B_ALL");

        JsonNode accepted = Http.json(triage(asCoordinator, id, Map.of("decision", "ACCEPT")));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("caseStage").asText()).isEqualTo("TRIAGED");
        JsonNode again = assertProblem(triage(asCoordinator, id, Map.of("decision", "ACCEPT")), 409,
                "referral-not-awaiting-triage");
        assertThat(again.get("currentStatus").asText()).isEqualTo("ACCEPTED");

        JsonNode seen = Http.json(asReferrer.get("/api/v1/referrals/" + id));
        assertThat(seen.get("caseStageLabel").asText()).isEqualTo("Triaged");
        List<String> timeline = Http.json(asReferrer.get("/api/v1/cases/" + referral.get("caseId").asText() + "/timeline"))
                .valueStream().map(e -> e.get("summary").asText()).toList();
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(1)).contains("Referral accepted by " + centre.name());
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_ACCEPTED");
        assertThat(Http.json(asReferrer.get("/api/v1/referrals")).get("items").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void theCentreAsksTheReferrerAnswersAndTheCentreDeclines() {
        String id = refer("Questioned").get("id").asText();
        assertProblem(asReferrer.postJson("/api/v1/referrals/" + id + "/messages", Map.of("answer", "Early")), 409,
                "referral-not-awaiting-answer");
        JsonNode asked = Http.json(triage(asCoordinator, id, Map.of("decision", "REQUEST_INFORMATION",
                "question", "Please send the latest marrow MRD result.")));
        assertThat(asked.get("status").asText()).isEqualTo("MORE_INFORMATION_REQUESTED");
        assertThat(asked.get("unreadMessages").asInt()).isZero();

        JsonNode forReferrer = Http.json(asReferrer.get("/api/v1/referrals/" + id));
        assertThat(forReferrer.get("unreadMessages").asInt()).isEqualTo(1);
        assertThat(forReferrer.get("messages").get(0).get("body").asText()).contains("marrow MRD");
        assertThat(Http.json(asReferrer.get("/api/v1/referrals/" + id + "/messages")).get(0).get("unread").asBoolean())
                .isTrue();
        assertThat(Http.json(asReferrer.get("/api/v1/referrals/" + id)).get("unreadMessages").asInt()).isZero();
        assertProblem(triage(asCoordinator, id, Map.of("decision", "ACCEPT")), 409, "referral-not-awaiting-triage");

        assertProblem(asReferrer.postJson("/api/v1/referrals/" + id + "/messages", Map.of("answer", " ")), 400,
                "invalid-request", "answer");
        assertProblem(asReferrer.postJson("/api/v1/referrals/" + id + "/messages", Map.of("answer", "x".repeat(5001))),
                400, "invalid-request", "answer");
        assertProblem(asReferrer.postJson("/api/v1/referrals/" + id + "/messages", "{\"answer\": [1]}"), 400,
                "unreadable-body");
        assertProblem(asCoordinator.postJson("/api/v1/referrals/" + id + "/messages", Map.of("answer", "Centre")), 403,
                "forbidden");
        HttpResponse<String> answered = asReferrer.postJson("/api/v1/referrals/" + id + "/messages",
                Map.of("answer", "MRD 0.4% on 1 November."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(Http.json(answered).get("status").asText()).isEqualTo("SUBMITTED");
        assertProblem(asReferrer.postJson("/api/v1/referrals/" + id + "/messages", Map.of("answer", "Twice")), 409,
                "referral-not-awaiting-answer");
        JsonNode forCentre = Http.json(asCoordinator.get("/api/v1/referrals/" + id));
        assertThat(forCentre.get("unreadMessages").asInt()).isEqualTo(1);
        assertThat(forCentre.get("messages").get(1).get("kind").asText()).isEqualTo("ANSWER");

        assertProblem(triage(asCoordinator, id, Map.of("decision", "DECLINE")), 400, "invalid-request", "reason");
        JsonNode declined = Http.json(triage(asCoordinator, id, Map.of("decision", "DECLINE",
                "reason", "MRD too high for the current protocol; discuss at the MDT.")));
        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("caseStage").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReason").asText()).startsWith("MRD too high");
        assertProblem(asReferrer.send("POST", "/api/v1/referrals/" + id + "/attachments?fileName=late.pdf",
                "application/pdf", ReferralTestData.pdf("late"), Map.of()), 409, "referral-declined");
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_INFORMATION_REQUESTED",
                "REFERRAL_INFORMATION_PROVIDED", "REFERRAL_DECLINED");
    }

    @Test
    void aReplayedTriageDecisionAnswersAsTheFirstWithoutASecondStep() {
        String id = refer("Replayed triage").get("id").asText();
        Map<String, String> key = Map.of("Idempotency-Key", "triage-" + System.nanoTime());
        HttpResponse<String> first = asCoordinator.sendJson("POST", "/api/v1/referrals/" + id + "/triage-decision",
                Map.of("decision", "ACCEPT"), key);
        HttpResponse<String> replay = asCoordinator.sendJson("POST", "/api/v1/referrals/" + id + "/triage-decision",
                Map.of("decision", "ACCEPT"), key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_ACCEPTED");
    }

    @Test
    void triageIsForTheCentresCoordinatorsWithACompleteDecision() {
        String id = refer("Triaged").get("id").asText();
        assertProblem(triage(asCoordinator, id, Map.of()), 400, "invalid-request", "decision");
        assertProblem(triage(asCoordinator, id, Map.of("decision", "accept")), 400, "invalid-request", "decision");
        assertProblem(triage(asCoordinator, id, Map.of("decision", "REQUEST_INFORMATION")), 400, "invalid-request",
                "question");
        assertProblem(triage(asCoordinator, id, Map.of("decision", "DECLINE", "reason", "x".repeat(2001))), 400,
                "invalid-request", "reason");
        assertProblem(triage(asReferrer, id, Map.of("decision", "ACCEPT")), 403, "forbidden");
        Http consultant = Http.signedIn(port, fixtures.user(centre, Role.CONSULTANT).username(), IdentityFixtures.PASSWORD);
        assertProblem(triage(consultant, id, Map.of("decision", "ACCEPT")), 403, "forbidden");
        Organisation otherCentre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        Http stranger = Http.signedIn(port, fixtures.user(otherCentre, Role.COORDINATOR).username(),
                IdentityFixtures.PASSWORD);
        assertProblem(triage(stranger, id, Map.of("decision", "ACCEPT")), 404, "not-found");
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED");
        assertThat(jdbc.sql("select stage from therapy_case c join referral r on r.case_id = c.id where r.id = ?::uuid")
                .param(id).query(String.class).single()).isEqualTo("REFERRED");
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyAnswersAsTheFirstAndAnotherReferralOfThePatientIsAConflict() {
        Map<String, Object> body = ReferralTestData.referral(PatientTestData.nhsNumber(), "Replayed", centre.id().toString());
        String key = "referral-" + System.nanoTime();
        HttpResponse<String> first = asReferrer.sendJson("POST", "/api/v1/referrals", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> replay = asReferrer.sendJson("POST", "/api/v1/referrals", body, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(Http.json(replay).get("id").asText()).isEqualTo(Http.json(first).get("id").asText());

        JsonNode duplicate = assertProblem(asReferrer.postJson("/api/v1/referrals", body), 409, "case-already-open");
        assertThat(duplicate.get("detail").asText()).contains(Http.json(first).get("caseReference").asText());
        // another hospital referring the same patient learns that a case is open, not which one
        Organisation other = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http otherReferrer = Http.signedIn(port, fixtures.user(other, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        JsonNode hidden = assertProblem(otherReferrer.postJson("/api/v1/referrals", body), 409, "case-already-open");
        assertThat(hidden.get("detail").asText()).doesNotContain("CP-");
        assertThat(countReferrals(hospital)).isEqualTo(1);
        assertThat(countReferrals(other)).isZero();
        assertThat(jdbc.sql("select count(*) from patient_access a join patient p on p.id = a.patient_id "
                + "where p.nhs_number = ? and a.organisation_id = ?").params(body.get("patient") instanceof Map<?, ?> p
                ? p.get("nhsNumber") : null, other.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedWithTheFieldAndWritesNothing() {
        String nhs = PatientTestData.nhsNumber();
        String centreId = centre.id().toString();
        HttpResponse<String> empty = asReferrer.postJson("/api/v1/referrals", Map.of());
        JsonNode missing = assertProblem(empty, 400, "invalid-request");
        assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asText())).contains("patient",
                "centreId", "productCode", "indication", "urgency", "clinicalSummary");

        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "productCode", "KYMRIAHH")), 400,
                "invalid-request", "productCode");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "indication", "LEUKAEMIA")), 400,
                "invalid-request", "indication");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "urgency", "urgent")), 400,
                "invalid-request", "urgency");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "jurisdiction", "FR")), 400,
                "invalid-request", "jurisdiction");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "clinicalSummary", "x".repeat(10_001))),
                400, "invalid-request", "clinicalSummary");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "indication", "LBCL")), 400,
                "invalid-request", "indication");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "diagnosedOn", 100)), 400,
                "unreadable-body", "diagnosedOn");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "diagnosedOn", "2999-01-01")), 400,
                "invalid-request", "diagnosedOn");
        Map<String, Object> badNhs = ReferralTestData.referral("9434765918", "Mistyped", centreId);
        assertProblem(asReferrer.postJson("/api/v1/referrals", badNhs), 400, "invalid-nhs-number", "patient.nhsNumber");
        Map<String, Object> noName = ReferralTestData.referral(nhs, "", centreId);
        noName.put("urgency", null);
        JsonNode both = assertProblem(asReferrer.postJson("/api/v1/referrals", noName), 400, "invalid-request");
        assertThat(both.get("errors").valueStream().map(e -> e.get("field").asText()))
                .contains("urgency", "patient.familyName");

        Organisation otherHospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        assertProblem(asReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(nhs, "Misdirected",
                otherHospital.id().toString())), 422, "not-a-treatment-centre");
        assertProblem(asReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(nhs, "Nowhere",
                java.util.UUID.randomUUID().toString())), 422, "not-a-treatment-centre");
        assertProblem(asReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(nhs, "Nowhere", "not-an-id")),
                422, "not-a-treatment-centre");
        Map<String, Object> myeloma = with(nhs, centreId, "productCode", "ABECMA");
        myeloma.put("indication", "MULTIPLE_MYELOMA");
        myeloma.remove("diagnosisCode");
        myeloma.remove("diagnosedOn");
        assertProblem(asReferrer.postJson("/api/v1/referrals", myeloma), 422, "not-in-catalogue");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "productCode", "YESCARTA")), 422,
                "not-in-catalogue");
        assertProblem(asReferrer.postJson("/api/v1/referrals", with(nhs, centreId, "patientId",
                java.util.UUID.randomUUID().toString())), 404, "not-found");

        Http coordinator = asCoordinator;
        assertProblem(coordinator.postJson("/api/v1/referrals", ReferralTestData.referral(nhs, "Coordinated", centreId)),
                403, "forbidden");

        assertThat(countReferrals(hospital)).isZero();
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhs).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from therapy_case where referring_organisation_id = ?")
                .param(hospital.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aCentreRefersToAnotherCentreButNotToItself() {
        Http centreReferrer = Http.signedIn(port, fixtures.user(centre, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        assertProblem(centreReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(PatientTestData.nhsNumber(),
                "Selfish", centre.id().toString())), 422, "not-a-treatment-centre");
        Organisation other = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        HttpResponse<String> created = centreReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(
                PatientTestData.nhsNumber(), "Transferred", other.id().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void organisationsWithoutARegionListTheCentresWithoutAServerError() {
        // manufacturers and couriers have no region: none of the centres comes first, and nothing fails
        for (String token : List.of("cpt_demonovartis_demo0novartis0manufacturing0token0a1",
                "cpt_democourier_demo0courier0tracking0token0f6g7h8i9")) {
            HttpResponse<String> centres = Http.token(port, token).get("/api/v1/referral-centres");
            assertThat(centres.statusCode()).as(centres.body()).isEqualTo(200);
            assertThat(Http.json(centres).valueStream().map(c -> c.get("inReferrersRegion").asBoolean())).containsOnly(false);
        }
        for (String user : List.of("manufacturer", "courier")) {
            assertThat(Http.signedIn(port, user, "cartpath-demo").get("/api/v1/referral-centres").statusCode())
                    .as(user).isEqualTo(200);
        }
    }

    @Test
    void theHospitalRecordSystemRefersWithItsToken() {
        String gosh = jdbc.sql("select id from organisation where name = 'Great Ormond Street Hospital for Children'")
                .query(String.class).single();
        Http leeds = Http.token(port, "cpt_demoleeds_demo0leeds0patient0record0token0j1k2");
        HttpResponse<String> created = leeds.postJson("/api/v1/referrals", ReferralTestData.referral(
                PatientTestData.nhsNumber(), "Tokenised", gosh));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode centres = Http.json(leeds.get("/api/v1/referral-centres"));
        // Leeds is in North East and Yorkshire: the Great North Children's Hospital is suggested first
        assertThat(centres.get(0).get("name").asText()).isEqualTo("Great North Children's Hospital");
        assertThat(centres.get(0).get("inReferrersRegion").asBoolean()).isTrue();
        assertThat(centres.valueStream().map(c -> c.get("name").asText())).contains("Great Ormond Street Hospital for Children")
                .doesNotContain("Leeds Children's Hospital", "Novartis Cell Therapy (demo)");
    }

    @Test
    void listsArePagedAndFilteredByStatus() {
        refer("Listed");
        String asked = refer("Asked").get("id").asText();
        triage(asCoordinator, asked, Map.of("decision", "REQUEST_INFORMATION", "question", "Weight?"));
        JsonNode all = Http.json(asReferrer.get("/api/v1/referrals?size=1"));
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(1);
        JsonNode waiting = Http.json(asReferrer.get("/api/v1/referrals?status=MORE_INFORMATION_REQUESTED"));
        assertThat(waiting.get("total").asInt()).isEqualTo(1);
        assertThat(waiting.get("items").get(0).get("unreadMessages").asInt()).isEqualTo(1);
        assertThat(Http.json(asCoordinator.get("/api/v1/referrals")).get("total").asInt()).isEqualTo(2);
        assertProblem(asReferrer.get("/api/v1/referrals?status=OPEN"), 400, "invalid-request", "status");
        assertProblem(asReferrer.get("/api/v1/referrals?size=201"), 400, "invalid-request", "size");
    }

    private Map<String, Object> with(String nhs, String centreId, String field, Object value) {
        Map<String, Object> body = new HashMap<>(ReferralTestData.referral(nhs, "Refused", centreId));
        body.put(field, value);
        return body;
    }

    private long countReferrals(Organisation organisation) {
        return jdbc.sql("select count(*) from referral where referring_organisation_id = ?")
                .param(organisation.id().value()).query(Long.class).single();
    }

    private List<String> actions(String referralId) {
        return jdbc.sql("select action from audit_event where entity_type = 'Referral' and entity_id = ? order by id")
                .param(referralId).query(String.class).list();
    }
}
