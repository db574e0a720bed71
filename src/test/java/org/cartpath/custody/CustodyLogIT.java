package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.chain.CustodyCommand;
import org.cartpath.custody.chain.CustodyEventType;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.Party;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.Stage;
import org.cartpath.shared.ProblemException;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The custody log on the database: append-only for the application's role, one winner per version, bad input refused. */
@CartpathIntegrationTest
class CustodyLogIT {

    @LocalServerPort
    int port;

    @Value("${cartpath.test.database}")
    String database;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CustodyLog log;

    @Autowired
    JdbcClient jdbc;

    World world;
    CustodyScenario scenario;
    Http nurse;

    @BeforeEach
    void aLabelledBag() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        nurse = scenario.person(world.nurse());
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrDeleteTheHistory() {
        JdbcTemplate app = new JdbcTemplate(TestDatabase.applicationRole(database));
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.superuser(database));
        for (String table : List.of("custody_event", "custody_item", "custody_coi", "custody_label_print", "custody_scan",
                "custody_temperature_reading", "custody_shipment_content", "custody_telemetry_batch")) {
            String column = firstColumn(table);
            assertThatThrownBy(() -> app.update("update " + table + " set " + column + " = " + column)).as(table)
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.update("delete from " + table)).as(table).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.execute("truncate " + table + " cascade")).as(table)
                    .rootCause().hasMessageContaining("permission denied");
        }
        // the triggers hold even for the owner: every row of this bag's history stays as it was
        Object bag = scenario.bagLabel.itemId();
        Object caseId = scenario.therapyCase.id().value();
        assertThatThrownBy(() -> owner.update("delete from custody_event where item_id = ?", bag))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("update custody_item set din = null where id = ?", bag))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("update custody_coi set coi = coi where case_id = ?", caseId))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from custody_label_print where case_id = ?", caseId))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from custody_event where item_id = ?").param(scenario.bagLabel.itemId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private String firstColumn(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = ? order by ordinal_position limit 1")
                .param(table).query(String.class).single();
    }

    @Test
    void concurrentAppendsToOneItemGiveExactlyOneWinnerPerVersion() throws Exception {
        var item = log.item(scenario.bagLabel.itemId());
        Party centre = new Party(world.centre().id(), world.centre().name(), world.centre().kind());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int version = 1; version <= 4; version++) {
                int expected = version;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> attempts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String place = "Freezer " + version + "." + i;
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            log.append(world.actor(world.nurse()), item, scenario.therapyCase.reference(), expected,
                                    CustodyCommand.of(CustodyEventType.STORED, Instant.now(), centre, "Nurse", place, null,
                                            List.of(), null));
                            return "won";
                        } catch (ProblemException e) {
                            assertThat(e.type()).isEqualTo("custody-version-conflict");
                            assertThat(e.properties().get("currentVersion")).isEqualTo(expected + 1);
                            return "lost";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> attempt : attempts) {
                    outcomes.add(attempt.get());
                }
                assertThat(outcomes).as("version %d", version + 1).containsOnlyOnce("won");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select array_agg(version order by version)::text from custody_event where item_id = ?")
                .param(item.id()).query(String.class).single()).isEqualTo("{1,2,3,4,5}");
    }

    @Test
    void theHolderAndPlaceComeFromTheLogAndAStaleVersionIs409WithTheCurrentOne() {
        String path = "/api/v1/custody-items/" + scenario.bagId() + "/events";
        HttpResponse<String> stored = nurse.postJson(path, Map.of("type", "STORED", "place", "Freezer 2", "expectedVersion", 1));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(Http.json(stored).get("place").asText()).isEqualTo("Freezer 2");
        assertThat(Http.json(stored).get("custodian").get("name").asText()).isEqualTo(world.centre().name());
        assertThat(Http.json(stored).get("version").asInt()).isEqualTo(2);
        var stale = assertProblem(nurse.postJson(path, Map.of("type", "ISSUED", "place", "Ward", "expectedVersion", 1)),
                409, "custody-version-conflict");
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void badEventsAreRefusedEachWithItsOwnProblemAndChangeNothing() {
        String path = "/api/v1/custody-items/" + scenario.bagId() + "/events";
        Instant now = Instant.now();
        assertProblem(nurse.postJson(path, Map.of("type", "PARTIED", "place", "x", "expectedVersion", 1)), 400, "invalid-request", "type");
        assertProblem(nurse.postJson(path, Map.of("type", "HANDED_OVER", "place", "x", "expectedVersion", 1)), 400, "invalid-request", "type");
        assertProblem(nurse.postJson(path, Map.of("type", "STORED", "place", "x")), 400, "invalid-request", "expectedVersion");
        assertProblem(nurse.postJson(path, Map.of("type", "STORED", "expectedVersion", 1)), 400, "invalid-request", "place");
        assertProblem(nurse.postJson(path, Map.of("type", "STORED", "place", "x", "expectedVersion", 1,
                "occurredAt", "yesterday")), 400, "invalid-request", "occurredAt");
        assertProblem(nurse.postJson(path, Map.of("type", "STORED", "place", "x", "expectedVersion", 1,
                "occurredAt", now.plus(1, ChronoUnit.HOURS).toString())), 422, "timestamp-in-future");
        assertProblem(nurse.postJson(path, Map.of("type", "STORED", "place", "x", "expectedVersion", 1,
                "occurredAt", now.minus(1, ChronoUnit.DAYS).toString())), 422, "out-of-order");
        assertProblem(nurse.postJson(path, Map.of("type", "THAWED", "place", "x", "expectedVersion", 1,
                "password", "correct-horse-battery")), 422, "wrong-item-kind");
        assertProblem(nurse.postJson(path, Map.of("type", "DESTROYED", "place", "x", "expectedVersion", 1,
                "password", "correct-horse-battery")), 400, "invalid-request", "reason");
        assertProblem(nurse.postJson(path, Map.of("type", "DESTROYED", "place", "x", "expectedVersion", 1, "reason", "Bag leaked")),
                400, "invalid-request", "password");
        assertProblem(nurse.postJson(path, Map.of("type", "DESTROYED", "place", "x", "expectedVersion", 1, "reason", "Bag leaked",
                "password", "wrong")), 422, "signature-refused");
        assertProblem(nurse.postJson(path, "{not json"), 400, "unreadable-body");
        assertProblem(scenario.courier().postJson(path, Map.of("type", "STORED", "place", "x", "expectedVersion", 1)), 404, "not-found");
        assertProblem(nurse.postJson("/api/v1/custody-items/" + java.util.UUID.randomUUID() + "/events",
                Map.of("type", "STORED", "place", "x", "expectedVersion", 1)), 404, "not-found");
        assertThat(jdbc.sql("select count(*) from custody_event where item_id = ?::uuid").param(scenario.bagId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsStaffCannotRecordOnAnItemItDoesNotHold() {
        scenario.verifyCollection();
        scenario.registerOutbound("DS-LOG-1");
        Http maker = scenario.manufacturer();
        HttpResponse<String> response = maker.postJson("/api/v1/custody-items/" + scenario.bagId() + "/events",
                Map.of("type", "STORED", "place", "Our freezer", "expectedVersion", 2));
        assertProblem(response, 422, "not-custodian");
        assertThat(Http.json(response).get("detail").asText()).contains("is not the current custodian");
    }
}
