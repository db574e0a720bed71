package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Lymphodepletion over the API: the weight-age rule, the plan's inputs and versions, the signed verification, each
 * dose given, held or modified, and every kind of bad input, other organisation and replay, each refused with its
 * reason and changing nothing.
 */
@CartpathIntegrationTest
class LymphodepletionIT {

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    Lymphodepletion lymphodepletion;

    @Autowired
    CaseJourney journey;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String path(Product p, String rest) {
        return TreatmentStoryIT.path(p, rest);
    }

    private long count(String table, Product p) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(p.caseId().value())
                .query(Long.class).single();
    }

    private long audited(String action, Product p) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
                .params(action, p.caseId().toString()).query(Long.class).single();
    }

    private Map<String, Object> first(int daysAgo) {
        return Map.of("anchorOn", journey.today().minusDays(daysAgo).toString());
    }

    @Test
    void dosesAreNotCalculatedFromAWeightOlderThanTheCentresLimit() {
        Product p = fixtures.released(null);
        fixtures.measuredOn(p, journey.today().minusDays(4), "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        JsonNode refused = assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(1)), 422,
                "measurement-too-old");
        assertThat(refused.get("detail").asText()).contains("weight (24 kg) was measured on "
                + journey.today().minusDays(4), "limit is 3 days");
        assertThat(count("lymphodepletion_plan", p)).isZero();
        assertThat(audited("LYMPHODEPLETION_PLAN_REFUSED", p)).isEqualTo(1);

        fixtures.measuredOn(p, journey.today().minusDays(3), "24", "120", "35");
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(1)));
        assertThat(plan.get("inputs").get("weighedOn").asText()).isEqualTo(journey.today().minusDays(3).toString());
        assertThat(plan.get("inputs").get("maxMeasurementAgeDays").asInt()).isEqualTo(3);
    }

    @Test
    void missingMeasurementsAreNamedAndTheRefusalRecorded() {
        Product p = fixtures.released(null);
        JsonNode refused = assertProblem(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"), first(1)),
                422, "measurement-missing");
        assertThat(refused.get("detail").asText()).contains("a weight", "a height", "a serum creatinine");
        assertThat(count("lymphodepletion_plan", p)).isZero();
        assertThat(audited("LYMPHODEPLETION_PLAN_REFUSED", p)).isEqualTo(1);
    }

    @Test
    void aPlanMayBeMadeOnceReleasedButDosesOnlyOnceReceivedAndVerified() {
        Product p = fixtures.released();
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        Http nurse = as(p.world().nurse());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(0)));
        Map<String, Object> dose = Map.of("plannedOn", plan.get("plan").get("firstDay").asText(), "drug", "FLUDARABINE",
                "status", "GIVEN", "givenAt", java.time.Instant.now().toString());
        assertProblem(nurse.postJson(path(p, "/lymphodepletion-administrations"), dose), 409, "not-treatment-stage");
        fixtures.receiptChecked(p);
        assertProblem(nurse.postJson(path(p, "/lymphodepletion-administrations"), dose), 422,
                "lymphodepletion-not-verified");
        assertThat(count("lymphodepletion_administration", p)).isZero();

        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of("password", "wrong")), 422, "signature-refused");
        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of()), 400, "invalid-request", "password");
        assertProblem(nurse.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of("password", IdentityFixtures.PASSWORD)), 403, "forbidden");
        assertThat(count("lymphodepletion_verification", p)).isZero();
        JsonNode verified = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans/"
                + plan.get("id").asText() + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        assertThat(verified.get("verification").get("verifiedByName").asText())
                .isEqualTo(p.world().pharmacist().displayName());
        assertThat(fixtures.stage(p)).isEqualTo(Stage.RECEIVED);
        assertThat(journey.tasks(Actor.system("test"), p.caseId())).as("the pharmacy's planning is done")
                .filteredOn(CaseTask::isOpen).extracting(CaseTask::title).doesNotContain("Plan lymphodepletion");
        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of("password", IdentityFixtures.PASSWORD)), 409, "plan-already-verified");
        assertThat(jdbc.sql("select meaning from electronic_signature where record_type = 'LymphodepletionPlan' and record_id = ?")
                .param(plan.get("id").asText()).query(String.class).list()).containsExactly("VERIFIED");

        TreatmentStoryIT.created(nurse.postJson(path(p, "/lymphodepletion-administrations"), dose));
        assertThat(fixtures.stage(p)).isEqualTo(Stage.LYMPHODEPLETION);
        assertProblem(nurse.postJson(path(p, "/lymphodepletion-administrations"), dose), 409, "dose-already-recorded");

        HttpResponse<String> replan = pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(0));
        assertProblem(replan, 400, "invalid-request", "reason");
        Map<String, Object> withReason = new HashMap<>(first(0));
        withReason.put("reason", "Creatinine rose");
        JsonNode second = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), withReason));
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of("password", IdentityFixtures.PASSWORD)), 409, "plan-superseded");
    }

    @Test
    void aDoseIsGivenHeldOrModifiedDownwardsWithItsReason() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        Http nurse = as(p.world().nurse());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(3)));
        TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText()
                + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        String day0 = journey.today().minusDays(3).toString();
        String given = journey.today().minusDays(3).atTime(10, 0).atZone(TreatmentStoryIT.LONDON).toInstant().toString();
        String administrations = path(p, "/lymphodepletion-administrations");

        JsonNode above = assertProblem(nurse.postJson(administrations, Map.of("plannedOn", day0, "drug", "CYCLOPHOSPHAMIDE",
                "status", "MODIFIED", "givenAt", given, "givenMg", 500, "reason", "Rounded up")), 422, "dose-above-plan");
        assertThat(above.get("detail").asText()).contains("500 mg", "447 mg");
        assertThat(audited("LYMPHODEPLETION_DOSE_REFUSED", p)).isEqualTo(1);
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", day0, "drug", "CYCLOPHOSPHAMIDE", "status",
                "MODIFIED", "givenAt", given, "givenMg", 447, "reason", "Same")), 400, "invalid-request", "givenMg");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", day0, "drug", "CYCLOPHOSPHAMIDE", "status",
                "GIVEN", "givenAt", given, "givenMg", 400)), 400, "invalid-request", "givenMg");
        assertThat(count("lymphodepletion_administration", p)).isZero();

        JsonNode modified = TreatmentStoryIT.created(nurse.postJson(administrations, Map.of("plannedOn", day0, "drug",
                "CYCLOPHOSPHAMIDE", "status", "MODIFIED", "givenAt", given, "givenMg", 400, "reason",
                "Infusion stopped early: extravasation")));
        assertThat(modified.get("givenMg").decimalValue()).isEqualByComparingTo("400");
        assertThat(modified.get("plannedMg").decimalValue()).isEqualByComparingTo("447");
        JsonNode held = TreatmentStoryIT.created(nurse.postJson(administrations, Map.of("plannedOn", day0, "drug",
                "FLUDARABINE", "status", "HELD", "reason", "Febrile")));
        assertThat(held.get("givenAt").isNull()).isTrue();
        assertThat(fixtures.stage(p)).as("a modified dose was given").isEqualTo(Stage.LYMPHODEPLETION);
        JsonNode status = Http.json(nurse.get(path(p, "/lymphodepletion")));
        assertThat(status.get("complete").asBoolean()).isFalse();
        assertThat(status.get("doses").get(0).get("record").get("status").asText()).isIn("HELD", "MODIFIED");

        String page = nurse.get("/cases/" + p.caseId() + "/lymphodepletion").body();
        assertThat(page).as("drugs and outcomes in words on the page").contains(">Fludarabine<", ">Cyclophosphamide<",
                ">Held<", ">Given at another dose<").doesNotContain(">FLUDARABINE<", ">CYCLOPHOSPHAMIDE<", ">HELD<",
                ">MODIFIED<");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        Http nurse = as(p.world().nurse());
        String plans = path(p, "/lymphodepletion-plans");
        assertProblem(pharmacist.postJson(plans, Map.of("anchorOn", "yesterday")), 400, "invalid-request", "anchorOn");
        assertThat(pharmacist.postJson(plans, Map.of("anchorOn", 20261201)).statusCode()).isEqualTo(400);
        // no anchorOn is not bad input here: the case is booked, so the plan starts on the booking's planned day
        assertProblem(pharmacist.postJson(plans, Map.of("anchorOn", journey.today().plusDays(200).toString())), 400,
                "invalid-request", "anchorOn");
        assertProblem(pharmacist.postJson(plans, Map.of("anchorOn", journey.today().toString(), "regimenId", "bendamustine")),
                400, "invalid-request", "regimenId");
        assertProblem(pharmacist.postJson(plans, Map.of("anchorOn", journey.today().toString(), "plannedInfusionOn",
                journey.today().toString())), 400, "invalid-request", "plannedInfusionOn");
        assertThat(count("lymphodepletion_plan", p)).isZero();

        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(plans, first(0)));
        TreatmentStoryIT.created(pharmacist.postJson(plans + "/" + plan.get("id").asText() + "/verification",
                Map.of("password", IdentityFixtures.PASSWORD)));
        String administrations = path(p, "/lymphodepletion-administrations");
        JsonNode missing = assertProblem(nurse.postJson(administrations, Map.of()), 400, "invalid-request");
        assertThat(missing.get("errors").findValuesAsString("field")).contains("plannedOn", "drug", "status");
        String today = journey.today().toString();
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "ASPIRIN", "status", "GIVEN")),
                400, "invalid-request", "drug");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "FLUDARABINE", "status", "given")),
                400, "invalid-request", "status");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "FLUDARABINE", "status", "HELD")),
                400, "invalid-request", "reason");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "FLUDARABINE", "status", "GIVEN")),
                400, "invalid-request", "givenAt");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "FLUDARABINE", "status", "GIVEN",
                "givenAt", java.time.Instant.now().plus(Duration.ofHours(2)).toString())), 400, "invalid-request", "givenAt");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "FLUDARABINE", "status", "GIVEN",
                "givenAt", "10 o'clock")), 400, "invalid-request", "givenAt");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", journey.today().plusDays(9).toString(), "drug",
                "FLUDARABINE", "status", "HELD", "reason", "x")), 400, "invalid-request", "plannedOn");
        assertProblem(nurse.postJson(administrations, Map.of("plannedOn", today, "drug", "BENDAMUSTINE", "status", "HELD",
                "reason", "x")), 400, "invalid-request", "plannedOn");
        assertProblem(as(p.world().coordinator()).postJson(administrations, Map.of("plannedOn", today, "drug",
                "FLUDARABINE", "status", "HELD", "reason", "x")), 403, "forbidden");
        assertThat(count("lymphodepletion_administration", p)).isZero();
        assertThat(fixtures.stage(p)).isEqualTo(Stage.RECEIVED);
    }

    @Test
    void anotherCentreAManufacturerAndTheReferrerFindNothing() {
        Product p = fixtures.released();
        fixtures.measured(p, "24", "120", "35");
        Product other = fixtures.released();
        JsonNode plan = TreatmentStoryIT.created(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"),
                first(0)));
        for (UserAccount outsider : List.of(other.world().pharmacist(), p.world().operator(), p.world().referrer())) {
            Http http = as(outsider);
            assertProblem(http.get(path(p, "/lymphodepletion-plans")), 404, "not-found");
            assertProblem(http.get(path(p, "/lymphodepletion-plans/" + plan.get("id").asText())), 404, "not-found");
            assertProblem(http.postJson(path(p, "/lymphodepletion-plans"), first(0)), 404, "not-found");
            assertProblem(http.get(path(p, "/lymphodepletion")), 404, "not-found");
        }
        assertProblem(as(p.world().pharmacist()).get(path(p, "/lymphodepletion-plans/not-a-uuid")), 404, "not-found");
        assertProblem(as(p.world().coordinator()).postJson(path(p, "/lymphodepletion-plans"), first(0)), 403, "forbidden");
        assertThat(count("lymphodepletion_plan", p)).isEqualTo(1);
    }

    @Test
    void aReplayedAdministrationWithTheSameIdempotencyKeyHasOneEffect() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), first(1)));
        TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText()
                + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        Map<String, Object> dose = Map.of("plannedOn", journey.today().minusDays(1).toString(), "drug", "FLUDARABINE",
                "status", "GIVEN", "givenAt", journey.today().minusDays(1).atTime(10, 0).atZone(TreatmentStoryIT.LONDON)
                        .toInstant().toString());
        Map<String, String> key = Map.of("Idempotency-Key", "ld-dose-" + System.nanoTime());
        Http nurse = as(p.world().nurse());
        HttpResponse<String> once = nurse.sendJson("POST", path(p, "/lymphodepletion-administrations"), dose, key);
        HttpResponse<String> again = nurse.sendJson("POST", path(p, "/lymphodepletion-administrations"), dose, key);
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(once.body());
        assertThat(count("lymphodepletion_administration", p)).isEqualTo(1);
        assertProblem(nurse.sendJson("POST", path(p, "/lymphodepletion-administrations"), Map.of("plannedOn",
                journey.today().minusDays(1).toString(), "drug", "CYCLOPHOSPHAMIDE", "status", "HELD", "reason", "x"), key),
                422, "idempotency-key-reused");
    }

    @Test
    void aClosedWindowIsFlaggedOnceAsATaskForTheConsultant() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        TreatmentStoryIT.planVerifyAndGiveAll(pharmacist, as(p.world().nurse()), p, 6);
        JsonNode status = Http.json(pharmacist.get(path(p, "/lymphodepletion")));
        LocalDate latest = LocalDate.parse(status.get("windowLatest").asText());
        assertThat(latest).isEqualTo(journey.today().minusDays(3).plusDays(14));
        lymphodepletion.flagClosedWindows();
        assertThat(count("lymphodepletion_window_flag", p)).isZero();

        clock.advance(Duration.ofDays(12));
        lymphodepletion.flagClosedWindows();
        lymphodepletion.flagClosedWindows();
        assertThat(count("lymphodepletion_window_flag", p)).isEqualTo(1);
        assertThat(journey.tasks(Actor.system("test"), p.caseId())).filteredOn(t -> t.title().startsWith(
                "Repeat lymphodepletion needed")).singleElement().satisfies(t -> assertThat(t.role().name())
                .isEqualTo("CONSULTANT"));
        JsonNode flagged = Http.json(as(p.world().consultant()).get(path(p, "/lymphodepletion")));
        assertThat(flagged.get("flags").toString()).contains("REPEAT_LYMPHODEPLETION_NEEDED");
        assertThat(flagged.get("repeatFlaggedOn").asText()).isEqualTo(journey.today().toString());

        // the answer to a closed window is a new plan: it closes the consultant's task
        fixtures.measured(p, "24", "120", "35");
        Map<String, Object> replan = new HashMap<>(first(0));
        replan.put("reason", "The infusion window closed");
        TreatmentStoryIT.created(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"), replan));
        assertThat(journey.tasks(Actor.system("test"), p.caseId())).filteredOn(CaseTask::isOpen)
                .noneMatch(t -> t.title().startsWith("Repeat lymphodepletion needed"));
    }
}
