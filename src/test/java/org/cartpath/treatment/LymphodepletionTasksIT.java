package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The tasks lymphodepletion opens and closes: a verified plan asks the ward to give its doses (the ward nurse's queue)
 * until the last planned dose is recorded, on the page or over the API; a plan verified before the product arrives
 * leaves nothing to plan at its receipt.
 */
@CartpathIntegrationTest
class LymphodepletionTasksIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DOSES = "Give lymphodepletion doses";
    private static final String PLAN = "Plan lymphodepletion";

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private List<CaseTask> open(Product p) {
        return journey.tasks(Actor.system("test"), p.caseId()).stream().filter(CaseTask::isOpen).toList();
    }

    private List<CaseTask> all(Product p, String title) {
        return journey.tasks(Actor.system("test"), p.caseId()).stream().filter(t -> t.title().equals(title)).toList();
    }

    private JsonNode planAndVerify(Product p, LocalDate firstDay) {
        Http pharmacist = as(p.world().pharmacist());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(TreatmentStoryIT.path(p, "/lymphodepletion-plans"),
                Map.of("anchorOn", firstDay.toString(), "plannedInfusionOn", firstDay.plusDays(5).toString())));
        TreatmentStoryIT.created(pharmacist.postJson(TreatmentStoryIT.path(p, "/lymphodepletion-plans/"
                + plan.get("id").asText() + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        return plan;
    }

    @Test
    void aPlanVerifiedBeforeTheProductArrivesLeavesNothingToPlanAtReceiptAndAsksTheWardForTheDoses() {
        Product p = fixtures.released();
        fixtures.measured(p, "24", "120", "35");
        LocalDate first = LocalDate.now(LONDON).minusDays(3);
        JsonNode plan = planAndVerify(p, first);

        assertThat(open(p)).filteredOn(t -> t.title().equals(DOSES)).singleElement().satisfies(task -> {
            assertThat(task.role()).isEqualTo(Role.WARD_NURSE);
            assertThat(task.dueOn()).isEqualTo(LocalDate.parse(plan.get("plan").get("firstDay").asText()));
        });
        fixtures.receiptChecked(p);
        assertThat(fixtures.stage(p)).isEqualTo(Stage.RECEIVED);
        assertThat(all(p, PLAN)).as("the plan was verified before the product arrived").isEmpty();
        String home = as(p.world().nurse()).get("/").body();
        assertThat(home.substring(home.indexOf("data-testid=\"work-queue-WARD_NURSE\""))).contains(DOSES,
                p.world().therapyCase().reference());
        assertThat(as(p.world().pharmacist()).get("/").body()).doesNotContain(PLAN);
    }

    @Test
    void theDoseTaskClosesOnceWhenTheLastPlannedDoseIsRecordedOnThePageAndNotBefore() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        assertThat(open(p)).extracting(CaseTask::title).as("planning opens with the receipt").contains(PLAN);
        fixtures.measured(p, "24", "120", "35");
        JsonNode plan = planAndVerify(p, LocalDate.now(LONDON).minusDays(5));
        assertThat(open(p)).extracting(CaseTask::title).contains(DOSES).doesNotContain(PLAN);

        Http nurse = as(p.world().nurse());
        List<JsonNode> doses = new java.util.ArrayList<>();
        plan.get("plan").get("doses").forEach(doses::add);
        for (int i = 0; i < doses.size(); i++) {
            JsonNode dose = doses.get(i);
            LocalDate day = LocalDate.parse(dose.get("date").asText());
            var recorded = nurse.postForm("/cases/" + p.caseId() + "/lymphodepletion/administrations", Map.of(
                    "plannedOn", day.toString(), "drug", dose.get("drug").asText(), "status", "GIVEN",
                    "givenAt", day.atTime(10, 0).toString()));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
            if (i < doses.size() - 1) {
                assertThat(open(p)).extracting(CaseTask::title).as("dose " + (i + 1) + " of " + doses.size())
                        .contains(DOSES);
            }
        }
        assertThat(open(p)).extracting(CaseTask::title).doesNotContain(DOSES);
        assertThat(all(p, DOSES)).singleElement().satisfies(task -> assertThat(task.isDone()).isTrue());

        // the last dose recorded again is refused and closes nothing twice
        JsonNode last = doses.get(doses.size() - 1);
        LocalDate day = LocalDate.parse(last.get("date").asText());
        assertThat(nurse.postJson(TreatmentStoryIT.path(p, "/lymphodepletion-administrations"), Map.of("plannedOn",
                day.toString(), "drug", last.get("drug").asText(), "status", "GIVEN", "givenAt",
                day.atTime(10, 0).atZone(LONDON).toInstant().toString())).statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_TASK_CLOSED' and entity_id = ? "
                + "and after_state::text like ?").params(p.caseId().toString(), "%" + DOSES + "%").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aNewPlanReplacesTheDoseTaskOfThePlanItSupersedes() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        planAndVerify(p, LocalDate.now(LONDON).minusDays(1));
        JsonNode second = planAndVerify(p, LocalDate.now(LONDON));

        assertThat(all(p, DOSES)).hasSize(2);
        assertThat(open(p)).filteredOn(t -> t.title().equals(DOSES)).singleElement()
                .satisfies(t -> assertThat(t.dueOn()).isEqualTo(LocalDate.parse(second.get("plan").get("firstDay").asText())));
        assertThat(all(p, DOSES)).filteredOn(t -> !t.isOpen()).singleElement()
                .satisfies(t -> assertThat(t.closure()).isEqualTo(CaseTask.Closure.REPLACED));
    }
}
