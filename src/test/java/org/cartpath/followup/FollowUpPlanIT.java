package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.journey.CaseJourney;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up plan (docs/clinical/follow-up-schedule.md): made when the infusion is recorded, its track changed by
 * the treating centre with a reason, the worklist scoped to the organisations that treat or referred the patient,
 * and the reminders idempotent under a fixed clock.
 */
@CartpathIntegrationTest
class FollowUpPlanIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    InfusedCases infusions;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    FollowUpReminders reminders;

    @Autowired
    MutableClock clock;

    @Autowired
    CaseJourney journey;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    /** A case in follow-up whose plan was made from an infusion {@code daysAgo} days ago. */
    private World plannedDaysAgo(int daysAgo) {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        Instant infusedAt = LocalDate.now(clock.withZone(LONDON)).minusDays(daysAgo).atTime(11, 0).atZone(LONDON)
                .toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    private long audits(String action, Object caseId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
                .params(action, caseId.toString()).query(Long.class).single();
    }

    @Test
    void aRecordedInfusionGivesTheCaseItsCatalogueTrackRegistryTimepointsAndClinicVisits() {
        Product p = infusions.infused(port);
        UserAccount dataManager = identities.user(p.world().centre(), Role.DATA_MANAGER);

        JsonNode plan = Http.json(as(dataManager).get("/api/v1/cases/" + p.caseId() + "/follow-up"));

        LocalDate dayZero = LocalDate.now(LONDON);
        assertThat(plan.get("dayZero").asText()).isIn(dayZero.toString(), dayZero.minusDays(1).toString());
        LocalDate zero = LocalDate.parse(plan.get("dayZero").asText());
        assertThat(plan.get("track").asText()).isEqualTo("CIBMTR_15_YEAR");
        assertThat(plan.get("trackBasis").asText()).contains("genetically modified commercial product");
        assertThat(plan.get("timepoints").size()).isEqualTo(17);
        JsonNode day100 = plan.get("timepoints").get(0);
        assertThat(day100.get("name").get("code").asText()).isEqualTo("DAY_100");
        assertThat(day100.get("dueDate").asText()).isEqualTo(zero.plusDays(100).toString());
        assertThat(day100.get("windowStart").asText()).isEqualTo(zero.plusDays(85).toString());
        assertThat(day100.get("windowEnd").asText()).isEqualTo(zero.plusDays(115).toString());
        assertThat(plan.get("visits").get(0).get("dueDate").asText()).isEqualTo(zero.plusDays(7).toString());
        assertThat(plan.get("visits").size()).isEqualTo(23);
        assertThat(audits("FOLLOW_UP_PLANNED", p.caseId())).isEqualTo(1);
        // the referring hospital shares the care: it sees its own patient's plan; the manufacturer does not
        assertThat(as(p.world().referrer()).get("/api/v1/cases/" + p.caseId() + "/follow-up").statusCode())
                .isEqualTo(200);
        assertProblem(as(p.world().operator()).get("/api/v1/cases/" + p.caseId() + "/follow-up"), 404, "not-found");
    }

    @Test
    void aCaseNotYetInfusedHasNoPlan() {
        World w = cases.caseAt(Stage.LYMPHODEPLETION, new BigDecimal("24"));

        assertProblem(as(w.coordinator()).get("/api/v1/cases/" + w.therapyCase().id() + "/follow-up"), 404,
                "not-found");
    }

    @Test
    void theCentreChangesTheTrackWithAReasonKeepingCompletedTimepointsAndRecomputingTheRest() {
        World w = plannedDaysAgo(100);
        UserAccount dataManager = identities.user(w.centre(), Role.DATA_MANAGER);
        String base = "/api/v1/cases/" + w.therapyCase().id() + "/follow-up";
        Http http = as(dataManager);
        assertThat(http.postJson(base + "/registry-timepoints/DAY_100/completion", Map.of()).statusCode())
                .isEqualTo(200);

        JsonNode changed = Http.json(http.postJson(base + "/track", Map.of("track", "EBMT",
                "reason", "The patient is enrolled in the EBMT post-authorisation study")));

        assertThat(changed.get("track").asText()).isEqualTo("EBMT");
        assertThat(changed.get("trackBasis").asText()).contains("EBMT post-authorisation study");
        JsonNode timepoints = changed.get("timepoints");
        assertThat(timepoints.size()).isEqualTo(17);
        // day 100 was completed under CIBMTR: kept as it was, with its window
        assertThat(timepoints.get(0).get("completed").asBoolean()).isTrue();
        assertThat(timepoints.get(0).get("windowStart").isNull()).isFalse();
        // the others are EBMT's now: no windows
        assertThat(timepoints.get(1).get("name").get("code").asText()).isEqualTo("MONTH_6");
        assertThat(timepoints.get(1).get("windowStart").isNull()).isTrue();
        assertThat(audits("FOLLOW_UP_TRACK_CHANGED", w.therapyCase().id())).isEqualTo(1);
        assertThat(jdbc.sql("select reason from audit_event where action = 'FOLLOW_UP_TRACK_CHANGED' and entity_id = ?")
                .param(w.therapyCase().id().toString()).query(String.class).single())
                .isEqualTo("The patient is enrolled in the EBMT post-authorisation study");

        JsonNode shorter = Http.json(http.postJson(base + "/track", Map.of("track", "CIBMTR_100_DAY_ONLY",
                "reason", "Enrolled in no long-term study")));
        assertThat(shorter.get("timepoints").size()).isEqualTo(1);
        assertThat(shorter.get("timepoints").get(0).get("completed").asBoolean()).isTrue();
    }

    @Test
    void aTrackChangeWithoutAReasonOrForAnotherOrganisationsCaseIsRefusedAndChangesNothing() {
        World w = plannedDaysAgo(10);
        World other = plannedDaysAgo(10);
        String base = "/api/v1/cases/" + w.therapyCase().id() + "/follow-up";
        Http coordinator = as(w.coordinator());

        assertProblem(coordinator.postJson(base + "/track", Map.of("track", "EBMT")), 400, "invalid-request", "reason");
        assertProblem(coordinator.postJson(base + "/track", Map.of("track", "EBMT", "reason", "  ")), 400,
                "invalid-request", "reason");
        assertProblem(coordinator.postJson(base + "/track", Map.of("track", "CIBMTR", "reason", "x")), 400,
                "invalid-request", "track");
        // another centre's coordinator, the referring hospital and the manufacturer: as if there were no case
        assertProblem(as(other.coordinator()).postJson(base + "/track", Map.of("track", "EBMT", "reason", "x")), 404,
                "not-found");
        assertProblem(as(w.referrer()).postJson(base + "/track", Map.of("track", "EBMT", "reason", "x")), 404,
                "not-found");
        assertProblem(as(w.operator()).postJson(base + "/track", Map.of("track", "EBMT", "reason", "x")), 404,
                "not-found");
        // the centre's pharmacist sees the case but keeps no registry
        assertProblem(as(w.pharmacist()).postJson(base + "/track", Map.of("track", "EBMT", "reason", "x")), 403,
                "forbidden");

        assertThat(Http.json(coordinator.get(base)).get("track").asText()).isEqualTo("CIBMTR_15_YEAR");
        assertThat(audits("FOLLOW_UP_TRACK_CHANGED", w.therapyCase().id())).isZero();
    }

    @Test
    void theWorklistShowsTheDay100WindowToTheCentreAndTheReferringHospitalOnly() {
        World w = plannedDaysAgo(90);
        World elsewhere = plannedDaysAgo(90);
        UserAccount dataManager = identities.user(w.centre(), Role.DATA_MANAGER);
        String reference = w.therapyCase().reference();

        JsonNode mine = Http.json(as(dataManager).get("/api/v1/follow-up"));
        JsonNode day100 = line(mine, reference, "REGISTRY", "DAY_100");
        assertThat(day100).as(mine.toString()).isNotNull();
        assertThat(day100.get("status").asText()).isEqualTo("IN_WINDOW");
        assertThat(day100.get("responsible").asText()).isEqualTo("DATA_MANAGER");
        // day 90's clinic visit is today: due soon, the coordinator's
        assertThat(line(mine, reference, "CLINIC", "DAY_90").get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(line(mine, reference, "CLINIC", "DAY_56").get("status").asText()).isEqualTo("OVERDUE");
        assertThat(line(mine, elsewhere.therapyCase().reference(), "REGISTRY", "DAY_100")).isNull();

        // filters: by the person responsible, by referring hospital, by centre
        JsonNode registryOnly = Http.json(as(dataManager).get("/api/v1/follow-up?responsible=DATA_MANAGER"));
        assertThat(registryOnly.valueStream().map(i -> i.get("kind").asText())).containsOnly("REGISTRY");
        JsonNode clinicOnly = Http.json(as(dataManager).get("/api/v1/follow-up?responsible=COORDINATOR"));
        assertThat(line(clinicOnly, reference, "REGISTRY", "DAY_100")).isNull();
        assertThat(Http.json(as(dataManager).get("/api/v1/follow-up?referringHospital=" + elsewhere.hospital().id()
                .value())).size()).isZero();
        assertThat(line(Http.json(as(dataManager).get("/api/v1/follow-up?referringHospital=" + w.hospital().id()
                .value())), reference, "REGISTRY", "DAY_100")).isNotNull();
        assertProblem(as(dataManager).get("/api/v1/follow-up?responsible=PHARMACIST"), 400, "invalid-request",
                "responsible");
        assertProblem(as(dataManager).get("/api/v1/follow-up?centre=nonsense"), 400, "invalid-request", "centre");

        // the referring hospital sees its own patient's line
        assertThat(line(Http.json(as(w.referrer()).get("/api/v1/follow-up")), reference, "REGISTRY", "DAY_100"))
                .isNotNull();
        // another centre sees nothing of it; the manufacturer has no worklist
        UserAccount otherManager = identities.user(elsewhere.centre(), Role.DATA_MANAGER);
        assertThat(line(Http.json(as(otherManager).get("/api/v1/follow-up")), reference, "REGISTRY", "DAY_100"))
                .isNull();
        assertThat(Http.json(as(identities.user(identities.organisation(OrganisationKind.TREATMENT_CENTRE),
                Role.DATA_MANAGER)).get("/api/v1/follow-up")).size()).isZero();
        assertProblem(as(w.operator()).get("/api/v1/follow-up"), 403, "forbidden");
    }

    @Test
    void remindersOpenEachTaskOnceUnderAFixedClock() {
        World w = plannedDaysAgo(90);

        reminders.run();
        List<Map<String, Object>> first = tasks(w);
        reminders.run();

        assertThat(tasks(w)).isEqualTo(first);
        // day 90: day 100's window (day 85 to 115) has opened; the visits of day 7 to 56 are 7 or more days overdue
        assertThat(titles(first, "DATA_MANAGER", true)).singleElement().asString()
                .startsWith("Registry form due: Day 100 (window ");
        assertThat(titles(first, "COORDINATOR", true)).hasSize(5)
                .allSatisfy(t -> assertThat(t).startsWith("Clinic visit overdue by 7 days: Day "));

        // day 116: day 100's window has closed; day 90's visit is 26 days overdue
        clock.advance(Duration.ofDays(26));
        reminders.run();
        List<Map<String, Object>> later = tasks(w);
        reminders.run();
        reminders.run();

        assertThat(tasks(w)).isEqualTo(later);
        assertThat(titles(later, "DATA_MANAGER", true)).singleElement().asString()
                .startsWith("Registry form overdue: Day 100 (window ended ");
        assertThat(titles(later, "DATA_MANAGER", false)).singleElement().asString().startsWith("Registry form due:");
        assertThat(titles(later, "COORDINATOR", true)).hasSize(6);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_REMINDER_OPENED'"
                + " and entity_id = ?").param(w.therapyCase().id().toString()).query(Long.class).single()).isEqualTo(8);

        // the registry form submitted: its reminder closes as done
        plans.completeTimepoint(w.actor(w.coordinator()), w.therapyCase().id(), "DAY_100");
        assertThat(titles(tasks(w), "DATA_MANAGER", true)).isEmpty();
    }

    @Test
    void aReminderRunThatStopsBeforeItsWorkIsCommittedLeavesNothingHalfDoneAndTheNextRunOpensEverything() {
        World w = plannedDaysAgo(90);

        // a run inside a transaction that never commits, as if the instance had died before the end
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            reminders.run();
            status.setRollbackOnly();
        });
        assertThat(titles(tasks(w), "DATA_MANAGER", true)).isEmpty();
        assertThat(jdbc.sql("select count(*) from followup_registry_timepoint where case_id = ?"
                + " and window_task_id is not null").param(w.therapyCase().id().value()).query(Long.class).single())
                .isZero();

        reminders.run();

        assertThat(titles(tasks(w), "DATA_MANAGER", true)).hasSize(1);
        assertThat(titles(tasks(w), "COORDINATOR", true)).hasSize(5);
    }

    @Test
    void anEndedCaseGetsNoReminders() {
        World w = plannedDaysAgo(90);
        journey.end(w.actor(w.consultant()), w.therapyCase().id(), Stage.DECEASED, "Died of relapsed disease");

        reminders.run();

        assertThat(tasks(w)).noneMatch(t -> String.valueOf(t.get("title")).startsWith("Registry form")
                || String.valueOf(t.get("title")).startsWith("Clinic visit"));
    }

    private List<Map<String, Object>> tasks(World w) {
        return jdbc.sql("select id, title, role, due_on, closed_at from case_task where case_id = ? order by title, id")
                .param(w.therapyCase().id().value()).query().listOfRows().stream().map(HashMap::new)
                .map(m -> (Map<String, Object>) m).toList();
    }

    private static List<String> titles(List<Map<String, Object>> tasks, String role, boolean open) {
        return tasks.stream().filter(t -> role.equals(t.get("role")) && (t.get("closed_at") == null) == open)
                .map(t -> String.valueOf(t.get("title"))).toList();
    }

    private static JsonNode line(JsonNode items, String reference, String kind, String key) {
        return items.valueStream().filter(i -> i.get("caseReference").asText().equals(reference)
                && i.get("kind").asText().equals(kind) && i.get("key").asText().equals(key)).findFirst().orElse(null);
    }
}
