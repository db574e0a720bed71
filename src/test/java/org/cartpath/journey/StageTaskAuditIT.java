package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tasks a stage change closes and opens are state changes too: each writes its audit row with the stage change. */
@CartpathIntegrationTest
class StageTaskAuditIT {

    @Autowired
    CaseFixtures cases;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Test
    void openingACaseAuditsItsFirstTaskWithTheCaseOpening() {
        World world = cases.caseAt(Stage.REFERRED, new BigDecimal("20"));
        CaseTask first = journey.tasks(world.actor(world.coordinator()), world.therapyCase().id()).get(0);
        List<Map<String, Object>> opened = rows(world, "CASE_TASK_OPENED");
        assertThat(opened).hasSize(1);
        assertThat((String) opened.get(0).get("after_state")).contains(first.id().toString(), "Triage the referral");
        assertThat(opened.get(0).get("actor_id")).isEqualTo(world.actor(world.referrer()).id());
    }

    @Test
    void aStageChangeAuditsTheTaskItClosesAndTheTaskItOpensByTheSameActor() {
        World world = cases.caseAt(Stage.REFERRED, new BigDecimal("20"));
        Actor coordinator = world.actor(world.coordinator());
        CaseTask triage = journey.tasks(coordinator, world.therapyCase().id()).get(0);

        journey.advance(coordinator, world.therapyCase().id(), Stage.TRIAGED, "Triaged");

        List<Map<String, Object>> closed = rows(world, "CASE_TASK_CLOSED");
        assertThat(closed).hasSize(1);
        assertThat((String) closed.get(0).get("after_state")).contains(triage.id().toString(), "\"closure\":\"DONE\"");
        assertThat(closed.get(0).get("actor_id")).isEqualTo(coordinator.id());
        CaseTask assess = journey.tasks(coordinator, world.therapyCase().id()).stream().filter(CaseTask::isOpen)
                .findFirst().orElseThrow();
        assertThat(rows(world, "CASE_TASK_OPENED")).filteredOn(r -> r.get("actor_id").equals(coordinator.id()))
                .singleElement().satisfies(r -> assertThat((String) r.get("after_state"))
                        .contains(assess.id().toString(), "Assess eligibility", "CONSULTANT"));
    }

    @Test
    void endingACaseAuditsEachOpenTaskItCancels() {
        World world = cases.caseAt(Stage.TRIAGED, new BigDecimal("20"));
        Actor coordinator = world.actor(world.coordinator());
        journey.openTask(coordinator, world.therapyCase().id(), "Call the family", org.cartpath.shared.Role.COORDINATOR,
                journey.today().plusDays(1));
        long open = journey.tasks(coordinator, world.therapyCase().id()).stream().filter(CaseTask::isOpen).count();
        assertThat(open).isEqualTo(2);

        journey.end(coordinator, world.therapyCase().id(), Stage.WITHDRAWN, "Family moved abroad");

        assertThat(rows(world, "CASE_TASK_CLOSED")).filteredOn(r -> r.get("actor_id").equals(coordinator.id()))
                .hasSize(2).allSatisfy(r -> assertThat((String) r.get("after_state")).contains("\"closure\":\"CANCELLED\""));
    }

    private List<Map<String, Object>> rows(World world, String action) {
        return jdbc.sql("select actor_id, after_state from audit_event where action = ? and entity_type = 'TherapyCase'"
                + " and entity_id = ? order by id").params(action, world.therapyCase().id().toString()).query()
                .listOfRows();
    }
}
