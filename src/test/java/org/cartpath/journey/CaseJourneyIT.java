package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The case journey on the database: guarded transitions, timeline and audit, scoping, worklist. */
@CartpathIntegrationTest
class CaseJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseJourney journey;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    Organisation hospital;
    Organisation centre;
    UserAccount coordinator;
    UserAccount referrer;
    Actor centreActor;

    @BeforeEach
    void aHospitalAndACentre() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        coordinator = fixtures.user(centre, Role.COORDINATOR);
        referrer = fixtures.user(hospital, Role.REFERRER);
        centreActor = actor(coordinator, centre);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Actor actor(UserAccount user, Organisation organisation) {
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
    }

    private TherapyCase openCase() {
        return journey.open(actor(referrer, hospital), new NewCase(UUID.randomUUID(), hospital.id(), centre.id(),
                "KYMRIAH", "B_ALL", "UK", "Referred for tisagenlecleucel"));
    }

    @Test
    void aCaseOpensReferredWithATriageTaskAndMovesOnlyAlongTheStageOrder() {
        TherapyCase opened = openCase();
        assertThat(opened.stage()).isEqualTo(Stage.REFERRED);
        assertThat(opened.reference()).matches("CP-\\d{4}-\\d{5}");
        assertThat(journey.tasks(centreActor, opened.id())).extracting(CaseTask::title).containsExactly("Triage the referral");

        journey.advance(centreActor, opened.id(), Stage.TRIAGED, "Accepted at triage");
        assertThatThrownBy(() -> journey.advance(centreActor, opened.id(), Stage.SLOT_BOOKED, "skipping"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("'Triaged'").contains("'Slot booked'");
                    assertThat(e.properties()).containsEntry("currentStage", "TRIAGED");
                });
        assertThat(journey.get(centreActor, opened.id()).therapyCase().stage()).isEqualTo(Stage.TRIAGED);
        assertThat(journey.tasks(centreActor, opened.id())).filteredOn(CaseTask::isOpen).extracting(CaseTask::title)
                .containsExactly("Assess eligibility");
        assertThat(journey.timeline(centreActor, opened.id())).extracting(TimelineEntry::kind)
                .containsExactly("CASE_OPENED", "STAGE_CHANGED");
    }

    @Test
    void theTimelineNamesTheAssessedProductAndIndicationInWordsNotCodes() {
        TherapyCase opened = openCase();
        journey.assignProduct(centreActor, opened.id(), "KYMRIAH", "B_ALL", "UK", "KYMRIAH-UK-2026-11");
        assertThat(journey.timeline(centreActor, opened.id())).filteredOn(e -> e.kind().equals("PRODUCT_ASSIGNED"))
                .extracting(TimelineEntry::summary).containsExactly(
                        "Assessed for Kymriah (B-cell acute lymphoblastic leukaemia, UK, label KYMRIAH-UK-2026-11)");
    }

    @Test
    void randomCommandSequencesLeaveExactlyOneTimelineEntryAndOneAuditRowPerTransition() {
        Random random = new Random(20261126);
        for (int round = 0; round < 25; round++) {
            TherapyCase therapyCase = openCase();
            int transitions = 0;
            for (int step = 0; step < 20; step++) {
                Stage current = journey.get(centreActor, therapyCase.id()).therapyCase().stage();
                Stage[] all = Stage.values();
                Stage request = random.nextInt(3) == 0 ? all[random.nextInt(all.length)]
                        : current.followers().stream().filter(s -> !s.isEnding()).findFirst().orElse(all[random.nextInt(all.length)]);
                try {
                    if (request.isEnding() && request != Stage.COMPLETED) {
                        journey.end(centreActor, therapyCase.id(), request, "random test ending");
                    } else {
                        journey.advance(centreActor, therapyCase.id(), request, null);
                    }
                    transitions++;
                } catch (ProblemException refused) {
                    assertThat(refused.status()).isIn(400, 409);
                }
            }
            String id = therapyCase.id().toString();
            long timeline = jdbc.sql("select count(*) from case_timeline where case_id = ?::uuid and kind = 'STAGE_CHANGED'")
                    .param(id).query(Long.class).single();
            long audit = jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'CASE_STAGE_CHANGED'")
                    .param(id).query(Long.class).single();
            assertThat(timeline).isEqualTo(transitions);
            assertThat(audit).isEqualTo(transitions);
            assertThat(journey.get(centreActor, therapyCase.id()).therapyCase().version()).isEqualTo(transitions);
        }
    }

    @Test
    void aRefusedTransitionInsideACallersTransactionRollsBackTheCallersChangeToo() {
        TherapyCase opened = openCase();
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            journey.note(centreActor, opened.id(), "SOMETHING_DONE", "work of another module");
            journey.advance(centreActor, opened.id(), Stage.COLLECTED, null);
        })).isInstanceOf(ProblemException.class);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(before);
        assertThat(journey.timeline(centreActor, opened.id())).hasSize(1);
    }

    @Test
    void aPatientHasOneOpenCaseAtATime() {
        UUID patient = UUID.randomUUID();
        Actor referring = actor(referrer, hospital);
        journey.open(referring, new NewCase(patient, hospital.id(), centre.id(), null, null, null, null));
        assertThatThrownBy(() -> journey.open(referring, new NewCase(patient, hospital.id(), centre.id(), null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("case-already-open"));
    }

    @Test
    void otherOrganisationsGet404AndManufacturersSeeNoPatient() {
        TherapyCase opened = openCase();
        Organisation otherCentre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount stranger = fixtures.user(otherCentre, Role.COORDINATOR);
        assertThatThrownBy(() -> journey.get(actor(stranger, otherCentre), opened.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        Http strangerHttp = Http.signedIn(port, stranger.username(), IdentityFixtures.PASSWORD);
        assertThat(strangerHttp.get("/api/v1/cases/" + opened.id()).statusCode()).isEqualTo(404);
        assertThat(strangerHttp.get("/cases/" + opened.id()).statusCode()).isEqualTo(404);
        assertThat(strangerHttp.postJson("/api/v1/cases/" + opened.id() + "/withdrawal", Map.of("reason", "x")).statusCode())
                .isEqualTo(404);

        Organisation manufacturer = fixtures.organisation(OrganisationKind.MANUFACTURER);
        UserAccount operator = fixtures.user(manufacturer, Role.MANUFACTURER_OPERATOR);
        journey.addParty(centreActor, opened.id(), manufacturer.id(), PartyRole.MANUFACTURER);
        CaseView seen = journey.get(actor(operator, manufacturer), opened.id());
        assertThat(seen.identityVisible()).isFalse();
        assertThat(seen.visibleCase().patientId()).isNull();
        HttpResponse<String> api = Http.signedIn(port, operator.username(), IdentityFixtures.PASSWORD)
                .get("/api/v1/cases/" + opened.id());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).doesNotContain(opened.patientId().toString());
        assertThat(Http.json(api).get("visibility").asText()).isEqualTo("PSEUDONYMISED");

        // notes and summaries are free text that may name the patient: manufacturers see stage changes only
        journey.note(centreActor, opened.id(), "LETTER_FILED", "Letter about Zzcanary Patient, 1 Canary Row");
        journey.advance(centreActor, opened.id(), Stage.TRIAGED, "Accepted for Zzcanary Patient");
        Http operatorHttp = Http.signedIn(port, operator.username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> timeline = operatorHttp.get("/api/v1/cases/" + opened.id() + "/timeline");
        assertThat(timeline.body()).doesNotContain("Zzcanary", "Canary Row", "Referred for tisagenlecleucel")
                .contains("Moved to 'Triaged'");
        assertThat(Http.json(timeline).size()).isEqualTo(2);
        assertThat(operatorHttp.get("/cases/" + opened.id()).body()).doesNotContain("Zzcanary", "Canary Row");
        assertThat(journey.timeline(centreActor, opened.id())).extracting(TimelineEntry::summary)
                .contains("Letter about Zzcanary Patient, 1 Canary Row");
    }

    @Test
    void theCaseReachViewThatScopedQueriesReadAgreesWithEachPartyRolesReachAtEveryStage() {
        // shared.DataScope#reachesCase reads the case_reach view; PartyRole holds the same rule for one case at a
        // time. Each role is given to its own organisation on one case, the case is put at every stage in turn, and
        // the view must list exactly the organisations whose role reaches that stage. Rolled back: nothing is kept.
        TherapyCase therapyCase = openCase();
        Map<PartyRole, UUID> organisations = new java.util.EnumMap<>(PartyRole.class);
        for (PartyRole role : PartyRole.values()) {
            organisations.put(role, fixtures.organisation(OrganisationKind.COMMISSIONER).id().value());
        }
        transaction.executeWithoutResult(status -> {
            organisations.forEach((role, organisation) -> jdbc.sql(
                    "insert into case_party (case_id, organisation_id, role, added_at) values (?, ?, ?, now())")
                    .params(therapyCase.id().value(), organisation, role.name()).update());
            for (Stage stage : Stage.values()) {
                jdbc.sql("update therapy_case set stage = ? where id = ?").params(stage.name(), therapyCase.id().value())
                        .update();
                java.util.Set<UUID> reached = new java.util.HashSet<>(jdbc.sql(
                        "select organisation_id from case_reach where case_id = ?").param(therapyCase.id().value())
                        .query(UUID.class).list());
                for (PartyRole role : PartyRole.values()) {
                    assertThat(reached.contains(organisations.get(role))).as(role + " at " + stage)
                            .isEqualTo(role.reaches(stage));
                }
            }
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from case_party where case_id = :case and organisation_id in (:orgs)")
                .param("case", therapyCase.id().value()).param("orgs", List.copyOf(organisations.values()))
                .query(Long.class).single()).isZero();
    }

    @Test
    void theWorklistPutsOverdueTasksFirstAndCountsCasesByStage() {
        TherapyCase older = openCase();
        clock.advance(Duration.ofDays(1));
        TherapyCase newer = openCase();
        journey.advance(centreActor, newer.id(), Stage.TRIAGED, null); // eligibility due in 5 days
        clock.advance(Duration.ofDays(3)); // the older case's triage (due in 2 days) is now overdue

        Http http = Http.signedIn(port, coordinator.username(), IdentityFixtures.PASSWORD);
        JsonNode worklist = Http.json(http.get("/api/v1/worklist"));
        assertThat(worklist.get("total").asInt()).isEqualTo(2);
        assertThat(worklist.get("items").get(0).get("therapyCase").get("reference").asText()).isEqualTo(older.reference());
        assertThat(worklist.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(worklist.get("items").get(1).get("overdue").asBoolean()).isFalse();
        JsonNode counts = Http.json(http.get("/api/v1/worklist/counts"));
        assertThat(counts.get("REFERRED").asInt()).isEqualTo(1);
        assertThat(counts.get("TRIAGED").asInt()).isEqualTo(1);
        assertThat(Http.json(http.get("/api/v1/worklist?stage=TRIAGED")).get("total").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/worklist?stage=NONSENSE").statusCode()).isEqualTo(400);

        HttpResponse<String> page = http.get("/worklist");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(older.reference(), newer.reference(), "Overdue", "Triage the referral");
        // the referring hospital has no worklist
        assertThat(Http.signedIn(port, referrer.username(), IdentityFixtures.PASSWORD).get("/api/v1/worklist").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCentreWithdrawsACaseWithAReasonAndItCannotMoveAfterwards() {
        TherapyCase opened = openCase();
        Http http = Http.signedIn(port, coordinator.username(), IdentityFixtures.PASSWORD);
        String path = "/api/v1/cases/" + opened.id() + "/withdrawal";
        HttpResponse<String> noReason = http.postJson(path, Map.of());
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Http.json(noReason).get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(Http.signedIn(port, referrer.username(), IdentityFixtures.PASSWORD).postJson(path,
                Map.of("reason", "family decision")).statusCode()).as("a referrer cannot close the case").isEqualTo(403);

        HttpResponse<String> withdrawn = http.postJson(path, Map.of("reason", "family decision"));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(Http.json(withdrawn).get("stage").asText()).isEqualTo("WITHDRAWN");
        HttpResponse<String> again = http.postJson(path, Map.of("reason", "replayed"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(Http.json(again).get("currentStage").asText()).isEqualTo("WITHDRAWN");
        assertThat(journey.tasks(centreActor, opened.id())).noneMatch(CaseTask::isOpen);

        HttpResponse<String> casePage = http.get("/cases/" + opened.id());
        assertThat(casePage.body()).contains("Withdrawn", "family decision", opened.reference());
        JsonNode timeline = Http.json(http.get("/api/v1/cases/" + opened.id() + "/timeline"));
        assertThat(timeline.get(timeline.size() - 1).get("toStage").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theAdministratorSearchesTheWorklistByReferenceWithoutAServerError() {
        TherapyCase opened = openCase();
        UserAccount admin = fixtures.user(centre, Role.ADMINISTRATOR);
        Http http = Http.signedIn(port, admin.username(), IdentityFixtures.PASSWORD);
        // a name search asks the patient module, which refuses the administrator: the worklist must not catch that
        // refusal inside its own transaction (rollback-only, a 500 on commit) but search by reference only
        HttpResponse<String> byName = http.get("/api/v1/worklist?q=abc");
        assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
        assertThat(Http.json(byName).get("total").asInt()).isZero();
        HttpResponse<String> byReference = http.get("/api/v1/worklist?q=" + opened.reference());
        assertThat(byReference.statusCode()).isEqualTo(200);
        assertThat(Http.json(byReference).get("items").get(0).get("therapyCase").get("reference").asText())
                .isEqualTo(opened.reference());
        HttpResponse<String> page = http.get("/worklist?q=abc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Sorry, there is a problem");
    }

    @Test
    void closingATaskTwiceInsideOneTransactionIsIdempotentAndCommits() {
        TherapyCase opened = openCase();
        UUID task = journey.tasks(centreActor, opened.id()).get(0).id();
        Boolean[] answers = transaction.execute(status -> new Boolean[] {
                journey.closeTask(centreActor, opened.id(), task), journey.closeTask(centreActor, opened.id(), task)});
        assertThat(answers).containsExactly(true, false);
        assertThat(journey.tasks(centreActor, opened.id())).noneMatch(CaseTask::isOpen);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_TASK_CLOSED' and entity_id = ?")
                .param(opened.id().toString()).query(Long.class).single()).as("one closing, one audit row").isEqualTo(1);
        assertThatThrownBy(() -> journey.closeTask(centreActor, opened.id(), UUID.randomUUID()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("task");
    }
}
