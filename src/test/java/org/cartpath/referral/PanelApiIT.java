package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TimelineEntry;
import org.cartpath.referral.ReferralFixtures.Centre;
import org.cartpath.referral.ReferralFixtures.Panel;
import org.cartpath.referral.ReferralFixtures.Patient;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The national panel over the API: a meeting, the agenda, attendance, one vote per member present, and the
 * chair's signed decision — unanimity, deferral, requests for information, refusals that write nothing,
 * the pseudonymised view and replays.
 */
@CartpathIntegrationTest
class PanelApiIT {

    static final String MANUFACTURER_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";

    @LocalServerPort
    int port;

    @Autowired
    ReferralFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Centre centre;
    Panel panel;
    Http chair;
    Http second;
    Http third;
    Http coordinator;
    String meeting;

    @BeforeEach
    void aPanelMeetingAndACentre() {
        centre = fixtures.centre();
        panel = fixtures.panel();
        chair = signIn(panel.chair().username());
        second = signIn(panel.second().username());
        third = signIn(panel.third().username());
        coordinator = signIn(centre.coordinator().username());
        HttpResponse<String> scheduled = chair.postJson("/api/v1/panel-meetings", Map.of());
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        meeting = Http.json(scheduled).get("id").asText();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUnanimousApprovalIsSignedByTheChairAndTheCaseMovesOnWithItsTreatingCentre() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true);
        vote(chair, patient, "APPROVE");
        vote(second, patient, "APPROVE");

        HttpResponse<String> decided = chair.postJson(path("/decisions"), decision(patient, "APPROVE", null));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode decision = Http.json(decided);
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVE");
        assertThat(decision.get("treatingCentreId").asText()).isEqualTo(centre.centre().id().toString());
        assertThat(decision.get("votes")).hasSize(2);
        assertThat(decision.get("signature").asText()).contains(panel.chair().displayName()).contains("approved");
        assertThat(decision.get("signatureVerified").asBoolean()).isTrue();
        assertThat(stage(patient)).isEqualTo(Stage.PANEL_APPROVED);
        assertThat(journey.timeline(centre.coordinatorActor(), patient.therapyCase().id())).extracting(TimelineEntry::kind)
                .contains("PANEL_SUBMITTED");
        assertThat(journey.tasks(centre.coordinatorActor(), patient.therapyCase().id())).filteredOn(CaseTask::isOpen)
                .extracting(CaseTask::title).containsExactly("Book a manufacturing slot and apheresis");
        JsonNode review = Http.json(chair.get(path("/agenda/" + patient.therapyCase().id())));
        assertThat(review.get("decision").get("id")).isEqualTo(decision.get("id"));
        assertThat(review.get("item").get("status").asText()).isEqualTo("DECIDED");
    }

    @Test
    void thePanelSeesTheCaseUntilItHasMovedPastTheDecisionThenOnlyItsOwnAgendaRecord() {
        Patient patient = submitted();
        String caseId = patient.therapyCase().id().toString();
        assertThat(chair.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true);
        vote(chair, patient, "APPROVE");
        vote(second, patient, "APPROVE");
        assertThat(chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)).statusCode()).isEqualTo(201);
        assertThat(chair.get("/api/v1/cases/" + caseId).statusCode()).as("approved, not yet booked").isEqualTo(200);

        journey.advance(centre.coordinatorActor(), patient.therapyCase().id(), Stage.SLOT_BOOKED, "Slot booked");

        assertProblem(chair.get("/api/v1/cases/" + caseId), 404, "not-found");
        assertProblem(chair.get("/api/v1/cases/" + caseId + "/timeline"), 404, "not-found");
        assertThat(chair.get("/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(Http.json(chair.get("/api/v1/cases?size=200")).toString()).doesNotContain(caseId);
        assertThat(coordinator.get("/api/v1/cases/" + caseId).statusCode()).as("the centre keeps its reach").isEqualTo(200);
        HttpResponse<String> review = chair.get(path("/agenda/" + caseId));
        assertThat(review.statusCode()).as("the panel keeps its own record of the decision").isEqualTo(200);
        assertThat(Http.json(review).get("decision").get("outcome").asText()).isEqualTo("APPROVE");
        assertThat(chair.get("/panel-meetings/" + meeting).statusCode()).isEqualTo(200);
        assertThat(chair.get("/panel-meetings/" + meeting + "/cases/" + caseId).statusCode()).isEqualTo(200);
    }

    @Test
    void oneDissentingVoteBlocksApprovalNamingWhoAndWritesNothingThenTheChairMayDecline() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true,
                panel.third().id().toString(), true);
        vote(chair, patient, "APPROVE");
        vote(second, patient, "DECLINE");

        JsonNode refused = assertProblem(chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)), 422,
                "panel-not-unanimous");
        assertThat(refused.get("detail").asText()).contains(panel.second().displayName() + " voted decline")
                .contains(panel.third().displayName());
        assertThat(refused.get("votedOtherwise").toString()).contains(panel.second().displayName());
        assertThat(refused.get("notVoted").toString()).contains(panel.third().displayName());
        assertNothingDecided(patient);

        vote(third, patient, "APPROVE");
        assertProblem(chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)), 422, "panel-not-unanimous");
        assertNothingDecided(patient);

        assertProblem(chair.postJson(path("/decisions"), decision(patient, "DECLINE", null)), 400, "invalid-request", "reason");
        JsonNode declined = Http.json(chair.postJson(path("/decisions"),
                decision(patient, "DECLINE", "Disease burden too high for bridging to be expected to work")));
        assertThat(declined.get("signature").asText()).contains("rejected");
        assertThat(stage(patient)).isEqualTo(Stage.DECLINED);
    }

    @Test
    void aMemberPresentWithoutAVoteDoesNotCountAndCannotVote() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true, panel.second().id().toString(), false);
        assertProblem(second.postJson(path("/votes"), voteBody(patient, "DECLINE")), 422, "member-not-voting");
        vote(chair, patient, "APPROVE");
        Http.json(chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)));
        assertThat(stage(patient)).isEqualTo(Stage.PANEL_APPROVED);
    }

    @Test
    void votesByOutsidersAbsentMembersAndSecondVotesAreRefusedAndWriteNothing() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true);
        assertProblem(coordinator.postJson(path("/votes"), voteBody(patient, "APPROVE")), 403, "not-a-panel-member");
        Http administrator = signIn(panel.administrator().username());
        assertProblem(administrator.postJson(path("/votes"), voteBody(patient, "APPROVE")), 404, "not-found");
        Panel otherPanel = fixtures.panel();
        assertProblem(signIn(otherPanel.chair().username()).postJson(path("/votes"), voteBody(patient, "APPROVE")),
                404, "not-found");
        assertProblem(third.postJson(path("/votes"), voteBody(patient, "APPROVE")), 422, "member-not-present");
        assertProblem(second.postJson(path("/votes"), voteBody(patient, "yes")), 400, "invalid-request", "vote");
        assertProblem(second.postJson(path("/votes"), Map.of("vote", "APPROVE")), 400, "invalid-request", "caseId");
        assertProblem(second.postJson(path("/votes"), Map.of("vote", "APPROVE", "caseId", "not-an-id")), 400,
                "invalid-request", "caseId");
        assertProblem(second.postJson(path("/votes"), Map.of("vote", "APPROVE", "caseId", UUID.randomUUID().toString())),
                404, "not-found");
        assertThat(votes(patient)).isZero();

        vote(second, patient, "APPROVE");
        assertProblem(second.postJson(path("/votes"), voteBody(patient, "DECLINE")), 409, "already-voted");
        assertThat(votes(patient)).isEqualTo(1);
    }

    @Test
    void onlyThePresentChairDecidesAndAWrongPasswordChangesNothing() {
        Patient patient = submitted();
        assertProblem(chair.postJson(path("/decisions"), decision(patient, "DEFER", "Awaiting marrow")), 422,
                "chair-not-present");
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true);
        vote(chair, patient, "APPROVE");
        vote(second, patient, "APPROVE");
        assertProblem(second.postJson(path("/decisions"), decision(patient, "APPROVE", null)), 403, "not-the-chair");

        Map<String, Object> wrong = decision(patient, "APPROVE", null);
        wrong.put("password", "not-the-password");
        assertProblem(chair.postJson(path("/decisions"), wrong), 422, "signature-refused");
        Map<String, Object> none = decision(patient, "APPROVE", null);
        none.remove("password");
        assertProblem(chair.postJson(path("/decisions"), none), 400, "invalid-request", "password");
        assertNothingDecided(patient);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGNATURE_REFUSED' and actor_id = ?")
                .param(panel.chair().id().toString()).query(Long.class).single()).isEqualTo(1);
        assertProblem(chair.postJson(path("/decisions"), decision(patient, "MAYBE", null)), 400, "invalid-request", "outcome");

        Http.json(chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)));
        assertProblem(chair.postJson(path("/decisions"), decision(patient, "DECLINE", "second thoughts")), 409,
                "already-decided");
        assertProblem(second.postJson(path("/votes"), voteBody(patient, "DECLINE")), 409, "already-decided");
    }

    @Test
    void aDeferredCaseGoesOnTheNextMeetingsAgendaAndStaysAtItsStage() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true);
        JsonNode deferred = Http.json(chair.postJson(path("/decisions"),
                decision(patient, "DEFER", "Awaiting the day-28 marrow result")));
        assertThat(deferred.get("signature").asText()).contains("reviewed");
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);

        JsonNode first = Http.json(chair.get(path("")));
        assertThat(first.get("agenda").get(0).get("status").asText()).isEqualTo("DEFERRED");
        JsonNode meetings = Http.json(chair.get("/api/v1/panel-meetings"));
        JsonNode next = meetings.get("items").valueStream()
                .filter(m -> !m.get("id").asText().equals(meeting)).findFirst().orElseThrow();
        assertThat(next.get("meetsOn").asText())
                .isEqualTo(LocalDate.parse(first.get("meeting").get("meetsOn").asText()).plusWeeks(1).toString());
        JsonNode nextView = Http.json(chair.get("/api/v1/panel-meetings/" + next.get("id").asText()));
        assertThat(nextView.get("agenda").get(0).get("caseId").asText()).isEqualTo(patient.therapyCase().id().toString());
        assertThat(nextView.get("agenda").get(0).get("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(nextView.get("agenda").get(0).get("deferredFrom").asText())
                .isEqualTo(first.get("agenda").get(0).get("id").asText());
        assertThat(journey.timeline(centre.coordinatorActor(), patient.therapyCase().id()))
                .extracting(TimelineEntry::kind).contains("PANEL_DEFERRED");
    }

    @Test
    void aRequestForInformationGivesTheCoordinatorATaskAndTheCaseCanBeSubmittedAgain() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true);
        assertProblem(chair.postJson(path("/decisions"), decision(patient, "REQUEST_INFORMATION", " ")), 400,
                "invalid-request", "reason");
        Http.json(chair.postJson(path("/decisions"),
                decision(patient, "REQUEST_INFORMATION", "Send the latest CSF result and CNS status")));
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
        assertThat(journey.tasks(centre.coordinatorActor(), patient.therapyCase().id())).filteredOn(CaseTask::isOpen)
                .extracting(CaseTask::title).anyMatch(t -> t.startsWith("Send the national panel the information"));

        String later = Http.json(chair.postJson("/api/v1/panel-meetings", Map.of())).get("id").asText();
        HttpResponse<String> again = coordinator.postJson("/api/v1/panel-meetings/" + later + "/agenda",
                Map.of("caseId", patient.therapyCase().id().toString()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(journey.tasks(centre.coordinatorActor(), patient.therapyCase().id())).filteredOn(CaseTask::isOpen)
                .extracting(CaseTask::title).as("the information was sent with the new submission")
                .noneMatch(t -> t.startsWith("Send the national panel the information"));
    }

    @Test
    void anApprovalMayNameAnotherCentreWithTheBasisAndReason() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true);
        vote(chair, patient, "APPROVE");
        Centre nearer = fixtures.centre();
        Map<String, Object> elsewhere = decision(patient, "APPROVE", null);
        elsewhere.put("treatingCentreId", nearer.centre().id().toString());
        assertProblem(chair.postJson(path("/decisions"), elsewhere), 400, "invalid-request", "allocationBasis");
        Map<String, Object> hospital = decision(patient, "APPROVE", null);
        hospital.put("treatingCentreId", centre.hospital().id().toString());
        assertProblem(chair.postJson(path("/decisions"), hospital), 400, "invalid-request", "treatingCentreId");
        assertNothingDecided(patient);

        elsewhere.put("allocationBasis", "GEOGRAPHY");
        elsewhere.put("allocationReason", "The family lives two hours nearer");
        JsonNode decision = Http.json(chair.postJson(path("/decisions"), elsewhere));
        assertThat(decision.get("treatingCentreName").asText()).isEqualTo(nearer.centre().name());
        assertThat(journey.get(nearer.coordinatorActor(), patient.therapyCase().id()).therapyCase().stage())
                .isEqualTo(Stage.PANEL_APPROVED);
        assertThat(journey.timeline(centre.coordinatorActor(), patient.therapyCase().id())).extracting(TimelineEntry::kind)
                .contains("TREATING_CENTRE_CHANGED");
        // the case moved: the nearer centre treats it, sees the patient, and has it on its worklist
        assertThat(journey.get(nearer.coordinatorActor(), patient.therapyCase().id()).therapyCase().treatingCentre())
                .isEqualTo(nearer.centre().id());
        Http nearerCoordinator = Http.signedIn(port, nearer.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(nearerCoordinator.get("/api/v1/patients/" + patient.id()).statusCode()).isEqualTo(200);
        assertThat(Http.json(nearerCoordinator.get("/api/v1/worklist")).get("items").toString())
                .contains(patient.therapyCase().reference());
    }

    @Test
    void submissionsOutOfOrderTwiceFromElsewhereOrToAPastMeetingAreRefusedAndWriteNothing() {
        Patient triaged = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        JsonNode early = assertProblem(submit(coordinator, triaged), 409, "illegal-transition");
        assertThat(early.get("currentStage").asText()).isEqualTo("TRIAGED");
        Patient withoutAssessment = fixtures.childInSecondRelapse(centre, Stage.ELIGIBILITY_ASSESSED);
        assertProblem(submit(coordinator, withoutAssessment), 422, "eligibility-not-confirmed");

        Patient patient = fixtures.eligibleChild(centre);
        assertProblem(submit(signIn(centre.consultant().username()), patient), 403, "forbidden");
        Centre other = fixtures.centre();
        assertProblem(submit(signIn(other.coordinator().username()), patient), 404, "not-found");
        assertProblem(coordinator.postJson(path("/agenda"), Map.of()), 400, "invalid-request", "caseId");
        assertProblem(coordinator.postJson("/api/v1/panel-meetings/" + UUID.randomUUID() + "/agenda",
                Map.of("caseId", patient.therapyCase().id().toString())), 404, "not-found");
        assertThat(items(patient)).isZero();

        assertThat(submit(coordinator, patient).statusCode()).isEqualTo(201);
        assertProblem(submit(coordinator, patient), 409, "already-on-agenda");
        assertThat(items(patient)).isEqualTo(1);

        Patient late = fixtures.eligibleChild(centre);
        clock.advance(Duration.ofDays(8));
        assertProblem(submit(signIn(centre.coordinator().username()), late), 422, "panel-meeting-past");
        assertThat(items(late)).isZero();
    }

    @Test
    void meetingsAreScheduledByPanelMembersOnceADay() {
        JsonNode first = Http.json(chair.get(path("")));
        String day = first.get("meeting").get("meetsOn").asText();
        assertThat(LocalDate.parse(day).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertProblem(chair.postJson("/api/v1/panel-meetings", Map.of("meetsOn", day)), 409, "duplicate-panel-meeting");
        assertProblem(chair.postJson("/api/v1/panel-meetings", Map.of("meetsOn", "2020-01-01")), 400, "invalid-request", "meetsOn");
        assertProblem(chair.postJson("/api/v1/panel-meetings", Map.of("meetsOn", "next week")), 400, "invalid-request", "meetsOn");
        assertProblem(chair.postJson("/api/v1/panel-meetings", Map.of("chairId", centre.coordinator().id().toString())),
                400, "invalid-request", "chairId");
        assertProblem(coordinator.postJson("/api/v1/panel-meetings", Map.of()), 403, "not-a-panel-member");
        JsonNode following = Http.json(second.postJson("/api/v1/panel-meetings", Map.of("chairId", panel.third().id().toString())));
        assertThat(following.get("meetsOn").asText()).isEqualTo(LocalDate.parse(day).plusWeeks(1).toString());
        assertThat(following.get("chairName").asText()).isEqualTo(panel.third().displayName());

        assertThat(Http.json(coordinator.get("/api/v1/panel-meetings")).get("items").toString()).contains(meeting);
        Http manufacturer = Http.token(port, MANUFACTURER_TOKEN);
        assertProblem(manufacturer.get("/api/v1/panel-meetings"), 403, "forbidden");
        assertProblem(manufacturer.get(path("")), 404, "not-found");
        assertProblem(signIn(centre.referrer().username()).get(path("")), 404, "not-found");
    }

    @Test
    void thePanelSeesThePatientPseudonymisedAndTheReadIsLogged() {
        Patient patient = submitted();
        HttpResponse<String> view = chair.get(path(""));
        HttpResponse<String> review = chair.get(path("/agenda/" + patient.therapyCase().id()));
        for (HttpResponse<String> response : List.of(view, review)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"initials\":\"OQ\"").contains("\"ageYears\":9")
                    .contains("\"nhsNumberLastThree\":\"" + patient.nhsNumber().substring(7) + "\"")
                    .doesNotContain(ReferralFixtures.FAMILY_NAME).doesNotContain(ReferralFixtures.GIVEN_NAME)
                    .doesNotContain(ReferralFixtures.ADDRESS_LINE).doesNotContain(ReferralFixtures.POSTCODE)
                    .doesNotContain(patient.nhsNumber()).doesNotContain(patient.born().toString())
                    .doesNotContain(DateTimeFormatter.ofPattern("d MMM yyyy").format(patient.born()))
                    .doesNotContain(patient.id().toString());
        }
        JsonNode body = Http.json(review);
        assertThat(body.get("assessment").get("evaluation").get("outcome").asText()).isEqualTo("MET");
        assertThat(body.get("assessment").get("evaluation").get("facts").toString()).contains("Disease status");
        assertThat(jdbc.sql("select count(*) from data_access where actor_id = ? and purpose = 'national panel review'")
                .param(panel.chair().id().toString()).query(Long.class).single()).isEqualTo(1);
        assertProblem(chair.get("/api/v1/patients/" + patient.id()), 404, "not-found");
    }

    @Test
    void aReplayedVoteOrDecisionAnswersTheFirstAndWritesOnce() {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true);
        Map<String, String> voteKey = Map.of("Idempotency-Key", "vote-" + ReferralFixtures.unique());
        HttpResponse<String> first = chair.sendJson("POST", path("/votes"), voteBody(patient, "APPROVE"), voteKey);
        HttpResponse<String> replay = chair.sendJson("POST", path("/votes"), voteBody(patient, "APPROVE"), voteKey);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(Http.json(replay).get("id")).isEqualTo(Http.json(first).get("id"));
        assertThat(votes(patient)).isEqualTo(1);

        Map<String, String> decisionKey = Map.of("Idempotency-Key", "decision-" + ReferralFixtures.unique());
        HttpResponse<String> decided = chair.sendJson("POST", path("/decisions"), decision(patient, "APPROVE", null), decisionKey);
        HttpResponse<String> again = chair.sendJson("POST", path("/decisions"), decision(patient, "APPROVE", null), decisionKey);
        assertThat(decided.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Http.json(again).get("id")).isEqualTo(Http.json(decided).get("id"));
        assertThat(jdbc.sql("select count(*) from panel_decision where case_id = ?").param(patient.therapyCase().id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void simultaneousDecisionsOrVotesRecordOneAndRefuseTheOther() throws Exception {
        Patient patient = submitted();
        present(panel.chair().id().toString(), true, panel.second().id().toString(), true);
        Http secondAgain = signIn(panel.second().username());
        List<Integer> votes = both(() -> second.postJson(path("/votes"), voteBody(patient, "APPROVE")).statusCode(),
                () -> secondAgain.postJson(path("/votes"), voteBody(patient, "APPROVE")).statusCode());
        assertThat(votes).containsExactlyInAnyOrder(201, 409);
        assertThat(votes(patient)).isEqualTo(1);
        vote(chair, patient, "APPROVE");

        Http chairAgain = signIn(panel.chair().username());
        List<Integer> decisions = both(() -> chair.postJson(path("/decisions"), decision(patient, "APPROVE", null)).statusCode(),
                () -> chairAgain.postJson(path("/decisions"), decision(patient, "APPROVE", null)).statusCode());
        assertThat(decisions).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.sql("select count(*) from panel_decision where case_id = ?").param(patient.therapyCase().id().value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(stage(patient)).isEqualTo(Stage.PANEL_APPROVED);
    }

    @Test
    void theEndpointsAndProblemTypesAreInTheOpenApiDocument() {
        HttpResponse<String> openApi = Http.browser(port).get("/api/v1/openapi");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/panel-meetings/{id}/decisions", "/api/v1/panel-meetings/{id}/votes",
                "/api/v1/panel-meetings/{id}/attendance", "/api/v1/panel-meetings/{id}/agenda",
                "/api/v1/cases/{id}/eligibility-assessments", "/problems/panel-not-unanimous",
                "/problems/eligibility-changed", "/problems/already-voted", "/problems/member-not-present");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static List<Integer> both(Callable<Integer> first, Callable<Integer> second)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            return List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private Http signIn(String username) {
        return Http.signedIn(port, username, IdentityFixtures.PASSWORD);
    }

    private String path(String rest) {
        return "/api/v1/panel-meetings/" + meeting + rest;
    }

    private Patient submitted() {
        Patient patient = fixtures.eligibleChild(centre);
        HttpResponse<String> response = submit(coordinator, patient);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return patient;
    }

    private HttpResponse<String> submit(Http who, Patient patient) {
        return who.postJson(path("/agenda"), Map.of("caseId", patient.therapyCase().id().toString()));
    }

    private void present(Object... idAndVoting) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < idAndVoting.length; i += 2) {
            members.add(Map.of("userId", idAndVoting[i], "voting", idAndVoting[i + 1]));
        }
        HttpResponse<String> response = chair.postJson(path("/attendance"), Map.of("members", members));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void vote(Http member, Patient patient, String vote) {
        HttpResponse<String> response = member.postJson(path("/votes"), voteBody(patient, vote));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static Map<String, Object> voteBody(Patient patient, String vote) {
        return Map.of("caseId", patient.therapyCase().id().toString(), "vote", vote);
    }

    private static Map<String, Object> decision(Patient patient, String outcome, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", patient.therapyCase().id().toString());
        body.put("outcome", outcome);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("password", IdentityFixtures.PASSWORD);
        return body;
    }

    private Stage stage(Patient patient) {
        return journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase().stage();
    }

    private void assertNothingDecided(Patient patient) {
        assertThat(jdbc.sql("select count(*) from panel_decision where case_id = ?").param(patient.therapyCase().id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from panel_agenda_item where case_id = ?").param(patient.therapyCase().id().value())
                .query(String.class).list()).containsOnly("AWAITING_DECISION");
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
    }

    private long votes(Patient patient) {
        return jdbc.sql("select count(*) from panel_vote v join panel_agenda_item i on i.id = v.agenda_item_id where i.case_id = ?")
                .param(patient.therapyCase().id().value()).query(Long.class).single();
    }

    private long items(Patient patient) {
        return jdbc.sql("select count(*) from panel_agenda_item where case_id = ?")
                .param(patient.therapyCase().id().value()).query(Long.class).single();
    }
}
