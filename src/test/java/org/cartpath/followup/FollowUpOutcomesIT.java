package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Clinic visit outcomes and outcome events after infusion (docs/clinical/follow-up.md): recorded by the centre's
 * follow-up staff through the API and the pages, audited, refused with the field for bad input and with 404 for
 * another organisation; a death recorded once ends the case and closes the visits after it; the demo has a child in
 * follow-up.
 */
@CartpathIntegrationTest
class FollowUpOutcomesIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseJourney journey;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private World plannedDaysAgo(int daysAgo) {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        Instant infusedAt = plans.today().minusDays(daysAgo).atTime(11, 0).atZone(LONDON).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    private LocalDate dayZero(World w) {
        return jdbc.sql("select day_zero from followup_plan where case_id = ?").param(w.therapyCase().id().value())
                .query(LocalDate.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String visitStatus(World w, String key) {
        return jdbc.sql("select status from followup_clinic_visit where case_id = ? and visit_key = ?")
                .params(w.therapyCase().id().value(), key).query(String.class).single();
    }

    @Test
    void theCoordinatorRecordsVisitsAttendedOrNotAndTheWorklistThenShowsTheNextDueVisit() {
        World w = plannedDaysAgo(20);
        UUID id = w.therapyCase().id().value();
        String base = "/api/v1/cases/" + id + "/follow-up/visits/";
        Http coordinator = as(w.coordinator());
        LocalDate zero = dayZero(w);
        assertThat(keys(coordinator, w)).contains("DAY_7").doesNotContain("DAY_56");

        // refused, each naming its field, and nothing changes
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("attended", false, "on",
                zero.plusDays(7).toString())), 400, "invalid-request", "reason");
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                zero.minusDays(1).toString())), 400, "invalid-request", "on");
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                plans.today().plusDays(1).toString())), 400, "invalid-request", "on");
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("on", "7 days")), 400,
                "invalid-request", "on");
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("on", zero.plusDays(7).toString())), 400,
                "invalid-request", "attended");
        assertProblem(coordinator.postJson(base + "DAY_999/outcome", Map.of("attended", true, "on",
                zero.toString())), 404, "not-found");
        // another organisation, even the referring hospital and the manufacturer: as if there were no case
        assertProblem(as(w.referrer()).postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                zero.plusDays(7).toString())), 404, "not-found");
        assertProblem(as(w.operator()).postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                zero.plusDays(7).toString())), 404, "not-found");
        // the centre's pharmacist does not keep follow-up
        assertThat(as(w.pharmacist()).postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                zero.plusDays(7).toString())).statusCode()).isEqualTo(403);
        assertThat(visitStatus(w, "DAY_7")).isEqualTo("PLANNED");
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_VISIT_RECORDED' and entity_id = ?",
                id.toString())).isZero();

        JsonNode done = Http.json(coordinator.postJson(base + "DAY_7/outcome", Map.of("attended", false, "on",
                zero.plusDays(7).toString(), "reason", "Seen at the referring hospital instead")));
        assertThat(done.get("state").asText()).isEqualTo("NOT_ATTENDED");
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("outcomeNote").asText()).isEqualTo("Seen at the referring hospital instead");
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_VISIT_RECORDED' and entity_id = ?",
                id.toString())).isEqualTo(1);
        assertProblem(coordinator.postJson(base + "DAY_7/outcome", Map.of("attended", true, "on",
                zero.plusDays(7).toString())), 409, "visit-already-recorded");
        // the worklist no longer shows day 7: the next due visit is day 14
        assertThat(keys(coordinator, w)).doesNotContain("DAY_7").contains("DAY_14");

        // the page, from the worklist: errors in the form's labels, then back to the worklist
        assertThat(coordinator.get("/follow-up").body()).contains("/cases/" + id + "/follow-up/visits/DAY_14?from=worklist");
        Map<String, String> form = new HashMap<>(Map.of("from", "worklist", "attended", "false", "on",
                zero.plusDays(14).toString()));
        HttpResponse<String> refused = coordinator.postForm("/cases/" + id + "/follow-up/visits/DAY_14", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem").contains("Give the reason the patient did not attend");
        assertThat(visitStatus(w, "DAY_14")).isEqualTo("PLANNED");
        form.put("attended", "true");
        HttpResponse<String> saved = coordinator.postForm("/cases/" + id + "/follow-up/visits/DAY_14", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/follow-up");
        assertThat(visitStatus(w, "DAY_14")).isEqualTo("DONE");
        assertThat(coordinator.get("/cases/" + id).body()).contains("Not attended").contains("Seen at the referring");
    }

    @Test
    void aDeathIsRecordedOnceWithItsCauseEndsTheCaseAndTheVisitsAfterItAreNoLongerDue() {
        World w = plannedDaysAgo(40);
        UUID id = w.therapyCase().id().value();
        String events = "/api/v1/cases/" + id + "/follow-up/outcome-events";
        Http consultant = as(w.consultant());
        LocalDate zero = dayZero(w);
        LocalDate died = zero.plusDays(30);

        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn", died.toString(), "source",
                "DEATH_CERTIFICATE")), 400, "invalid-request", "cause");
        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn", died.toString(), "source",
                "DEATH_CERTIFICATE", "cause", "OTHER")), 400, "invalid-request", "causeDetail");
        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn", zero.minusDays(1).toString(),
                "source", "DEATH_CERTIFICATE", "cause", "INFECTION")), 400, "invalid-request", "occurredOn");
        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn",
                plans.today().plusDays(1).toString(), "source", "DEATH_CERTIFICATE", "cause", "INFECTION")), 400,
                "invalid-request", "occurredOn");
        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn", died.toString(), "source",
                "DEATH_CERTIFICATE", "cause", "OLD_AGE")), 400, "invalid-request", "cause");
        assertProblem(as(w.referrer()).postJson(events, Map.of("kind", "DEATH", "occurredOn", died.toString(),
                "source", "DEATH_CERTIFICATE", "cause", "INFECTION")), 404, "not-found");
        assertThat(count("select count(*) from followup_outcome_event where case_id = ?", id)).isZero();

        HttpResponse<String> recorded = consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn",
                died.toString(), "source", "DEATH_CERTIFICATE", "cause", "INFECTION", "sourceDocument", "MCCD 4411"));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(Http.json(recorded).get("kind").asText()).isEqualTo("DEATH");

        assertThat(jdbc.sql("select stage from therapy_case where id = ?").param(id).query(String.class).single())
                .isEqualTo("DECEASED");
        assertThat(count("select count(*) from case_task where case_id = ? and closed_at is null", id)).isZero();
        // visits up to the death stay as they were (day 7 to 28 overdue, unrecorded); those after it stop being due
        assertThat(visitStatus(w, "DAY_28")).isEqualTo("PLANNED");
        assertThat(visitStatus(w, "DAY_56")).isEqualTo("CANCELLED");
        assertThat(visitStatus(w, "YEAR_15")).isEqualTo("CANCELLED");
        String audit = jdbc.sql("select after_state from audit_event where action = 'FOLLOW_UP_OUTCOME_RECORDED'"
                + " and entity_id = ?").param(id.toString()).query(String.class).single();
        assertThat(audit).contains("DEATH").contains("DAY_56");
        assertThat(as(w.coordinator()).get("/cases/" + id).body()).contains("Death: Infection").contains("No longer due");

        // once: a second death, and a vital status after it, are refused and change nothing
        assertProblem(consultant.postJson(events, Map.of("kind", "DEATH", "occurredOn", died.toString(), "source",
                "GP", "cause", "DISEASE")), 409, "death-already-recorded");
        assertProblem(consultant.postJson(events, Map.of("kind", "ALIVE", "occurredOn", died.toString(), "source",
                "GP")), 409, "patient-died");
        assertProblem(consultant.postJson(events, Map.of("kind", "RELAPSE", "occurredOn", died.plusDays(1).toString(),
                "source", "GP")), 400, "invalid-request", "occurredOn");
        assertThat(count("select count(*) from followup_outcome_event where case_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aDeathRecordedThroughTheJourneysOwnDeathActionStopsTheVisitsDueAfterThatDay() {
        World w = plannedDaysAgo(20);
        UUID id = w.therapyCase().id().value();

        journey.end(w.actor(w.coordinator()), w.therapyCase().id(), Stage.DECEASED, "Died at home");

        assertThat(visitStatus(w, "DAY_14")).isEqualTo("PLANNED");
        assertThat(visitStatus(w, "DAY_28")).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_VISITS_NO_LONGER_DUE'"
                + " and entity_id = ?", id.toString())).isEqualTo(1);
    }

    @Test
    void aCd19NegativeRelapseIsShownOnTheCasePanelAndATCellMalignancyOpensItsTwoReportTasks() {
        World w = plannedDaysAgo(400);
        UUID id = w.therapyCase().id().value();
        String events = "/api/v1/cases/" + id + "/follow-up/outcome-events";
        Http dataManager = as(identities.user(w.centre(), Role.DATA_MANAGER));
        LocalDate zero = dayZero(w);

        assertProblem(dataManager.postJson(events, Map.of("kind", "RELAPSE", "occurredOn", zero.plusDays(300)
                .toString(), "source", "CLINIC_VISIT", "targetAntigen", "CD22", "antigenStatus", "NEGATIVE")), 400,
                "invalid-request", "targetAntigen");
        assertThat(dataManager.postJson(events, Map.of("kind", "RELAPSE", "occurredOn", zero.plusDays(300).toString(),
                "source", "CLINIC_VISIT", "site", "marrow", "targetAntigen", "CD19", "antigenStatus", "NEGATIVE"))
                .statusCode()).isEqualTo(201);
        Map<String, String> form = Map.of("kind", "SECOND_MALIGNANCY", "occurredOn", zero.plusDays(390).toString(),
                "source", "REFERRING_HOSPITAL", "malignancyType", "T_CELL", "diagnosis", "CAR-positive T-cell lymphoma");
        HttpResponse<String> page = dataManager.postForm("/cases/" + id + "/follow-up/outcome-events", form);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);

        assertThat(jdbc.sql("select title from case_task where case_id = ? and role = 'CONSULTANT' and closed_at is null"
                + " and title like 'Report the T-cell malignancy%' order by title").param(id).query(String.class).list())
                .containsExactly("Report the T-cell malignancy to the MHRA (Yellow Card)",
                        "Report the T-cell malignancy to the manufacturer");
        assertThat(Http.json(as(w.referrer()).get(events)).size()).isEqualTo(2);
        assertThat(as(w.referrer()).get("/cases/" + id).body()).contains("CD19 negative relapse (marrow)")
                .contains("Second primary malignancy: T-cell malignancy");
        assertProblem(as(w.operator()).get(events), 404, "not-found");
    }

    @Test
    void theDemoHasAChildInFollowUpWithAnOverdueVisitAndTheDay100RegistryFormInItsWindow() {
        Http dataManager = Http.signedIn(port, "data.manager", "cartpath-demo");
        Map<String, Object> demo = jdbc.sql("select c.id, c.reference from therapy_case c join patient p"
                + " on p.id = c.patient_id where p.nhs_number = ?").param("9990010064").query().singleRow();
        UUID id = (UUID) demo.get("id");
        JsonNode plan = Http.json(dataManager.get("/api/v1/cases/" + id + "/follow-up"));
        assertThat(plan.get("dayZero").asText()).isEqualTo(plans.today().minusDays(105).toString());
        JsonNode items = Http.json(Http.signedIn(port, "coordinator", "cartpath-demo").get("/api/v1/follow-up"));
        List<String> lines = items.valueStream().filter(i -> i.get("caseReference").asText().equals(demo.get("reference")))
                .map(i -> i.get("key").asText() + ":" + i.get("status").asText()).toList();
        assertThat(lines).contains("DAY_90:OVERDUE", "DAY_100:IN_WINDOW").doesNotContain("DAY_56:OVERDUE");
        assertThat(dataManager.get("/cases/" + id).body()).contains("MRD-negative complete remission")
                .contains("Alive at last contact");
        // counts with ICAHT (a complete day 0–30 series: grade 2; two later results ≤ 1.5: late grade 1), a corrected
        // count with its history, B cells and IgG, an infection
        JsonNode recorded = Http.json(dataManager.get("/api/v1/cases/" + id + "/follow-up/entries"));
        assertThat(recorded.get("earlyIcaht").get("grade").asInt()).isEqualTo(2);
        assertThat(recorded.get("lateIcaht").get("grade").asInt()).isEqualTo(1);
        assertThat(recorded.get("versions").size()).isEqualTo(recorded.get("current").size() + 1);
        assertThat(recorded.get("current").valueStream().map(e -> e.get("kind").asText()).distinct().sorted().toList())
                .containsExactly("BLOOD_COUNT", "B_CELLS_AND_IMMUNOGLOBULIN", "INFECTION");
        assertThat(jdbc.sql("select day_zero from monitoring_anchor where case_id = ?").param(id)
                .query(java.time.LocalDate.class).single()).as("day 0 on record, so the outcome figures count the child")
                .isEqualTo(plans.today().minusDays(105));
    }

    private List<String> keys(Http http, World w) {
        return Http.json(http.get("/api/v1/follow-up")).valueStream()
                .filter(i -> i.get("caseReference").asText().equals(w.therapyCase().reference()))
                .map(i -> i.get("key").asText()).toList();
    }
}
