package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.shared.ProblemException;
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
 * The infusion refused before release acceptance, before lymphodepletion is complete, outside the window, with an
 * incomplete checklist, with one person doing both bedside checks, with another patient's bag, and with a dose outside
 * the label's range: each named, recorded, and nothing else changed. Then bad input, other organisations and replays.
 */
@CartpathIntegrationTest
class InfusionIT {

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

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

    /** An infusion of a minute that has just ended, by the application's clock (which a test may move). */
    private Map<String, Object> now() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new HashMap<>(Map.of("startedAt", end.minusSeconds(60).toString(), "endedAt", end.toString(), "bagsUsed", 1,
                "password", IdentityFixtures.PASSWORD));
    }

    private List<String> refused(Product p) {
        JsonNode problem = assertProblem(as(p.world().nurse()).postJson(path(p, "/infusion"), now()), 422,
                "infusion-not-ready");
        assertUnchanged(p);
        return problem.get("unmet").findValuesAsString("code");
    }

    private void assertUnchanged(Product p) {
        assertThat(fixtures.stage(p)).isIn(Stage.RECEIVED, Stage.LYMPHODEPLETION);
        for (String table : List.of("infusion", "follow_up_anchor", "monitoring_anchor")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where case_id = ?").param(p.caseId().value())
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    private long refusals(Product p) {
        return jdbc.sql("select count(*) from audit_event where action = 'INFUSION_REFUSED' and entity_id = ?")
                .param(p.caseId().toString()).query(Long.class).single();
    }

    /** Received, measured, counted; a verified plan dated {@code daysAgo} back with its first dose given. */
    private JsonNode started(Product p, String weight, int daysAgo) {
        fixtures.receiptChecked(p);
        fixtures.measured(p, weight, "120", "35");
        fixtures.tocilizumab(p, 1);
        Http pharmacist = as(p.world().pharmacist());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"),
                Map.of("anchorOn", java.time.LocalDate.now(TreatmentStoryIT.LONDON).minusDays(daysAgo).toString())));
        TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText()
                + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        give(p, plan, 0, 1);
        return plan;
    }

    private void give(Product p, JsonNode plan, int from, int to) {
        Http nurse = as(p.world().nurse());
        JsonNode doses = plan.get("plan").get("doses");
        for (int i = from; i < to; i++) {
            java.time.LocalDate day = java.time.LocalDate.parse(doses.get(i).get("date").asText());
            TreatmentStoryIT.created(nurse.postJson(path(p, "/lymphodepletion-administrations"), Map.of("plannedOn",
                    day.toString(), "drug", doses.get(i).get("drug").asText(), "status", "GIVEN", "givenAt",
                    day.atTime(10, 0).atZone(TreatmentStoryIT.LONDON).toInstant().toString())));
        }
    }

    @Test
    void eachMissingConditionIsNamedRecordedAndNothingElseChanges() {
        Product p = fixtures.released();
        JsonNode plan = started(p, "24", 6);
        assertThat(refused(p)).containsExactly("release-not-accepted", "lymphodepletion-incomplete", "checklist-incomplete",
                "bedside-check-missing");
        fixtures.accepted(p);
        assertThat(refused(p)).containsExactly("lymphodepletion-incomplete", "checklist-incomplete",
                "bedside-check-missing");
        give(p, plan, 1, plan.get("plan").get("doses").size());
        assertThat(refused(p)).containsExactly("checklist-incomplete", "bedside-check-missing");
        TreatmentStoryIT.tickManualItems(as(p.world().nurse()), p);
        assertThat(refused(p)).containsExactly("bedside-check-missing");

        UserAccount nurse = p.world().nurse();
        assertThatThrownBy(() -> fixtures.bedside(p, nurse, nurse)).as("one person cannot make both checks")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("same-person"));
        assertThat(refused(p)).containsExactly("bedside-check-missing");
        assertThat(refusals(p)).isEqualTo(5);
        JsonNode audit = Http.json(as(p.world().nurse()).get(path(p, "/infusion/readiness")));
        assertThat(audit.get("ready").asBoolean()).isFalse();
    }

    @Test
    void anotherPatientsBagAtTheBedsideIsAHardStopAndTheInfusionIsRefused() {
        Product p = fixtures.released();
        Product other = fixtures.released();
        JsonNode plan = started(p, "24", 6);
        fixtures.accepted(p);
        give(p, plan, 1, plan.get("plan").get("doses").size());
        TreatmentStoryIT.tickManualItems(as(p.world().nurse()), p);
        assertThatThrownBy(() -> fixtures.twoPersonCheck(p, p.productBagId(), VerificationStep.BEDSIDE,
                List.of(fixtures.wristband(p), other.coi()), p.world().nurse(), p.world().secondNurse()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("identity-mismatch"));
        assertThat(refused(p)).containsExactly("identity-hard-stop", "bedside-check-missing");
        assertThat(refusals(p)).isEqualTo(1);
    }

    @Test
    void anInfusionOutsideTheWindowIsRefused() {
        Product p = fixtures.released();
        JsonNode plan = started(p, "24", 6);
        fixtures.accepted(p);
        give(p, plan, 1, plan.get("plan").get("doses").size());
        clock.advance(Duration.ofDays(12));
        List<String> unmet = refused(p);
        assertThat(unmet).contains("outside-infusion-window");
        JsonNode problem = Http.json(as(p.world().nurse()).postJson(path(p, "/infusion"), now()));
        assertThat(problem.get("detail").asText()).contains("repeat lymphodepletion is needed");
    }

    @Test
    void aDoseOutsideTheLabelsRangeForTheWeightTodayIsRefusedUnlessTheLotGoesByAnExceptionalRoute() {
        Product p = fixtures.released();
        fixtures.accepted(p);
        JsonNode plan = started(p, "20", 6);
        give(p, plan, 1, plan.get("plan").get("doses").size());
        TreatmentStoryIT.tickManualItems(as(p.world().nurse()), p);
        fixtures.bedside(p);
        JsonNode problem = assertProblem(as(p.world().nurse()).postJson(path(p, "/infusion"), now()), 422,
                "infusion-not-ready");
        assertThat(problem.get("unmet").findValuesAsString("code")).containsExactly("dose-outside-range");
        assertThat(problem.get("detail").asText()).contains("110000000 cells is above");
        assertUnchanged(p);
    }

    @Test
    void badInputOtherOrganisationsAndReplays() {
        Product p = fixtures.released();
        Product elsewhere = fixtures.released();
        JsonNode plan = started(p, "24", 6);
        fixtures.accepted(p);
        give(p, plan, 1, plan.get("plan").get("doses").size());
        TreatmentStoryIT.tickManualItems(as(p.world().nurse()), p);
        fixtures.bedside(p);
        Http nurse = as(p.world().nurse());
        String infusion = path(p, "/infusion");
        JsonNode missing = assertProblem(nurse.postJson(infusion, Map.of()), 400, "invalid-request");
        assertThat(missing.get("errors").findValuesAsString("field")).contains("startedAt", "endedAt", "bagsUsed",
                "password");
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> backwards = now();
        backwards.put("endedAt", end.minusSeconds(120).toString());
        assertProblem(nurse.postJson(infusion, backwards), 400, "invalid-request", "endedAt");
        Map<String, Object> future = now();
        future.put("endedAt", end.plus(1, ChronoUnit.HOURS).toString());
        assertProblem(nurse.postJson(infusion, future), 422, "timestamp-in-future", "endedAt");
        Map<String, Object> local = now();
        local.put("startedAt", "2026-11-26T10:00");
        assertProblem(nurse.postJson(infusion, local), 400, "invalid-request", "startedAt");
        for (Object bags : List.of(0, 21, 1.5)) {
            Map<String, Object> body = now();
            body.put("bagsUsed", bags);
            assertProblem(nurse.postJson(infusion, body), 400, "invalid-request", "bagsUsed");
        }
        Map<String, Object> tooMany = now();
        tooMany.put("bagsUsed", 2);
        assertThat(assertProblem(nurse.postJson(infusion, tooMany), 400, "invalid-request", "bagsUsed").get("detail")
                .asText()).contains("1 bag");
        Map<String, Object> longReactions = now();
        longReactions.put("reactions", "x".repeat(2001));
        assertProblem(nurse.postJson(infusion, longReactions), 400, "invalid-request", "reactions");
        Map<String, Object> wrongPassword = now();
        wrongPassword.put("password", "wrong");
        assertProblem(nurse.postJson(infusion, wrongPassword), 422, "signature-refused");
        assertProblem(as(p.world().coordinator()).postJson(infusion, now()), 403, "forbidden");
        assertProblem(as(p.world().pharmacist()).postJson(infusion, now()), 403, "forbidden");
        for (UserAccount outsider : List.of(elsewhere.world().nurse(), p.world().operator(), p.world().referrer())) {
            assertProblem(as(outsider).postJson(infusion, now()), 404, "not-found");
            assertProblem(as(outsider).get(infusion + "/readiness"), 404, "not-found");
            assertProblem(as(outsider).get(path(p, "/path-to-infusion")), 404, "not-found");
        }
        assertUnchanged(p);
        assertThat(refusals(p)).isZero();

        Map<String, String> key = Map.of("Idempotency-Key", "infusion-" + System.nanoTime());
        Map<String, Object> body = now();
        HttpResponse<String> once = nurse.sendJson("POST", infusion, body, key);
        HttpResponse<String> again = nurse.sendJson("POST", infusion, body, key);
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(once.body());
        assertThat(jdbc.sql("select count(*) from infusion where case_id = ?").param(p.caseId().value()).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(fixtures.stage(p)).isEqualTo(Stage.MONITORING);
        assertProblem(as(p.world().operator()).get(infusion), 404, "not-found");
    }
}
