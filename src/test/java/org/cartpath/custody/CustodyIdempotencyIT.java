package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration posts from manufacturers and couriers with an Idempotency-Key: however often and in whatever order
 * an event is delivered, it has exactly one effect; the same key with another body is 422; a delivery while the
 * first is still being processed is 409.
 */
@CartpathIntegrationTest
class CustodyIdempotencyIT {

    @LocalServerPort
    int port;

    @Value("${cartpath.test.database}")
    String database;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    JdbcClient jdbc;

    World world;
    CustodyScenario scenario;

    @BeforeEach
    void aShipperInTransit() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        scenario.inTransit("DS-IDEM-" + world.centre().fin());
    }

    /** One delivery of one event: who sends it, where, what, under which key. */
    private record Delivery(Http sender, String path, String contentType, String body, String key) {
        HttpResponse<String> send() {
            return sender.sendWithHeaders("POST", path, contentType, body, Map.of("Idempotency-Key", key));
        }
    }

    private String readings(String logger, int minutes) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder csv = new StringBuilder("logger_id,read_at,celsius\n");
        for (int m = 0; m < minutes; m++) {
            csv.append(logger).append(',').append(start.plus(m, ChronoUnit.MINUTES)).append(",-181.5\n");
        }
        return csv.toString();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void eachEventDeliveredOneToFiveTimesInRandomOrderHasExactlyOneEffect() {
        String shipper = "/api/v1/shippers/" + "DS-IDEM-" + world.centre().fin() + "/temperature-readings";
        String receipt = "{\"place\":\"Goods-in\",\"expectedVersion\":3,\"scannedIdentifier\":\"" + scenario.coi() + "\"}";
        List<Delivery> events = List.of(
                new Delivery(scenario.courier(), shipper, "text/csv", readings("L1", 30), "courier-batch-1-" + System.nanoTime()),
                new Delivery(scenario.courier(), shipper, "text/csv", readings("L2", 45), "courier-batch-2-" + System.nanoTime()),
                new Delivery(scenario.manufacturer(), shipper, "text/csv", readings("M1", 20), "maker-batch-1-" + System.nanoTime()),
                new Delivery(scenario.manufacturer(), "/api/v1/shipments/" + scenario.shipmentId + "/receipts",
                        "application/json", receipt, "maker-receipt-" + System.nanoTime()));
        Random random = new Random(20261126);
        List<Delivery> deliveries = new ArrayList<>();
        for (Delivery event : events) {
            for (int copies = 1 + random.nextInt(5); copies > 0; copies--) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        Map<String, HttpResponse<String>> first = new HashMap<>();
        for (Delivery delivery : deliveries) {
            HttpResponse<String> response = delivery.send();
            HttpResponse<String> earlier = first.putIfAbsent(delivery.key(), response);
            if (earlier == null) {
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                assertThat(response.headers().firstValue("Idempotent-Replay")).isEmpty();
            } else {
                assertThat(response.statusCode()).isEqualTo(earlier.statusCode());
                assertThat(response.body()).isEqualTo(earlier.body());
                assertThat(response.headers().firstValue("Idempotent-Replay")).contains("true");
            }
        }
        String shipperId = "DS-IDEM-" + world.centre().fin();
        assertThat(count("select count(*) from custody_temperature_reading where shipper_id = ?", shipperId)).isEqualTo(95);
        assertThat(count("select count(*) from custody_telemetry_batch where shipper_id = ?", shipperId)).isEqualTo(3);
        assertThat(count("select count(*) from custody_event e join custody_item i on i.id = e.item_id "
                + "where i.case_id = ? and e.type = 'RECEIVED'", scenario.therapyCase.id().value())).isEqualTo(2);
        assertThat(count("select count(*) from case_timeline where case_id = ? and to_stage = 'IN_MANUFACTURING'",
                scenario.therapyCase.id().value())).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneBatchStoreItOnce() throws Exception {
        String path = "/api/v1/shippers/DS-IDEM-" + world.centre().fin() + "/temperature-readings";
        Delivery batch = new Delivery(scenario.courier(), path, "text/csv", readings("L9", 240), "parallel-" + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return batch.send();
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
                if (response.statusCode() == 409) {
                    assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/idempotency-key-in-flight");
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from custody_temperature_reading where logger_id = 'L9' and shipper_id = ?",
                "DS-IDEM-" + world.centre().fin())).isEqualTo(240);
        assertThat(batch.send().headers().firstValue("Idempotent-Replay")).contains("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndADeliveryWhileTheFirstIsRunningIs409() throws Exception {
        String path = "/api/v1/shippers/DS-IDEM-" + world.centre().fin() + "/temperature-readings";
        String key = "reuse-" + System.nanoTime();
        Delivery original = new Delivery(scenario.courier(), path, "text/csv", readings("L3", 10), key);
        assertThat(original.send().statusCode()).isEqualTo(201);
        Delivery changed = new Delivery(scenario.courier(), path, "text/csv", readings("L4", 10), key);
        assertProblem(changed.send(), 422, "idempotency-key-reused");
        assertThat(count("select count(*) from custody_temperature_reading where logger_id = 'L4'")).isZero();

        String receiptKey = "in-flight-" + System.nanoTime();
        Delivery receipt = new Delivery(scenario.manufacturer(), "/api/v1/shipments/" + scenario.shipmentId + "/receipts",
                "application/json", "{\"place\":\"Goods-in\",\"expectedVersion\":3,\"scannedIdentifier\":\"" + scenario.coi() + "\"}",
                receiptKey);
        String tokenId = jdbc.sql("select id::text from api_token where token_prefix = ?")
                .param(world.manufacturerToken().split("_")[1]).query(String.class).single();
        DataSource database = TestDatabase.superuser(this.database);
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, tokenId + " " + receiptKey);
                lock.execute();
            }
            assertProblem(receipt.send(), 409, "idempotency-key-in-flight");
            holder.rollback();
        }
        assertThat(count("select count(*) from custody_event e join custody_item i on i.id = e.item_id "
                + "where i.case_id = ? and e.type = 'RECEIVED'", scenario.therapyCase.id().value())).isZero();
        assertThat(receipt.send().statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from custody_event e join custody_item i on i.id = e.item_id "
                + "where i.case_id = ? and e.type = 'RECEIVED'", scenario.therapyCase.id().value())).isEqualTo(2);
    }
}
